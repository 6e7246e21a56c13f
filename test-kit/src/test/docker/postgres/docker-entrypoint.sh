#!/bin/bash
# Entry point of the postgres image that build.sh assembles, with the contract of the public
# postgres image that Testcontainers' PostgreSQLContainer relies on:
#
#  - The command is `postgres [ARGS...]` (an ARGS-only command gets `postgres` put in front); any
#    other command is run as it is.
#  - Started as root, it creates the data and socket folders, gives them to the postgres user and
#    runs itself again as that user.
#  - On an empty data folder it runs initdb with POSTGRES_USER (default postgres) as superuser,
#    POSTGRES_PASSWORD as its password and POSTGRES_INITDB_ARGS, allows remote hosts with
#    POSTGRES_HOST_AUTH_METHOD (default: the server's password_encryption, scram-sha-256), starts a
#    temporary server reachable only through its Unix socket, creates POSTGRES_DB (default: the
#    user's name), runs /docker-entrypoint-initdb.d/* (*.sh run or sourced, *.sql, *.sql.gz and
#    *.sql.xz fed to psql) and stops the temporary server again.
#  - The server then replaces this script as the container's main process. As with the public
#    image, "database system is ready to accept connections" is logged twice on a first start:
#    once by the temporary server and once by the real one.
#
# POSTGRES_PASSWORD_FILE, POSTGRES_USER_FILE, POSTGRES_DB_FILE and POSTGRES_INITDB_ARGS_FILE read
# the value from a file instead.
set -Eeo pipefail

# file_env VAR [DEFAULT]: VAR from VAR or from the file named by VAR_FILE, never both.
file_env() {
    local var="$1" file_var="${1}_FILE" default="${2:-}" value
    if [[ -n "${!var:-}" && -n "${!file_var:-}" ]]; then
        echo >&2 "error: both $var and $file_var are set (but are exclusive)"
        exit 1
    fi
    value="$default"
    if [[ -n "${!var:-}" ]]; then
        value="${!var}"
    elif [[ -n "${!file_var:-}" ]]; then
        value="$(<"${!file_var}")"
    fi
    export "$var=$value"
    unset "$file_var"
}

# The folders the server needs, owned by postgres when this runs as root.
create_directories() {
    mkdir -p "$PGDATA"
    chmod 00700 "$PGDATA" || :
    mkdir -p /var/run/postgresql || :
    chmod 03775 /var/run/postgresql || :
    if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then
        mkdir -p "$POSTGRES_INITDB_WALDIR"
        chmod 700 "$POSTGRES_INITDB_WALDIR"
    fi
    if [[ "$(id -u)" == 0 ]]; then
        find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
        find /var/run/postgresql \! -user postgres -exec chown postgres:postgres '{}' +
        if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then
            find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres:postgres '{}' +
        fi
    fi
}

verify_minimum_env() {
    if [[ -z "$POSTGRES_PASSWORD" && "$POSTGRES_HOST_AUTH_METHOD" != trust ]]; then
        cat >&2 <<'EOF'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
       connections without a password. This is *not* recommended.
EOF
        exit 1
    fi
    if [[ "$POSTGRES_HOST_AUTH_METHOD" == trust ]]; then
        echo >&2 "WARNING: POSTGRES_HOST_AUTH_METHOD=trust: every host may connect to every database without a password."
    fi
}

init_database_dir() {
    local initdb_args=()
    if [[ -n "${POSTGRES_INITDB_WALDIR:-}" ]]; then
        initdb_args+=(--waldir "$POSTGRES_INITDB_WALDIR")
    fi
    # POSTGRES_INITDB_ARGS is a string of options, split like a shell would.
    eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") "${initdb_args[@]}" '"$POSTGRES_INITDB_ARGS"
}

# Remote hosts authenticate with POSTGRES_HOST_AUTH_METHOD; local connections keep initdb's trust.
setup_hba_conf() {
    local default_method
    default_method="$(postgres -C password_encryption "$@")"
    : "${POSTGRES_HOST_AUTH_METHOD:=$default_method}"
    {
        printf '\n'
        if [[ "$POSTGRES_HOST_AUTH_METHOD" == trust ]]; then
            printf '# warning: trust is enabled for all connections\n'
        fi
        printf 'host all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD"
    } >>"$PGDATA/pg_hba.conf"
}

# The temporary server listens on the Unix socket only, so nothing outside connects before the
# initialisation is complete. It gets the same options as the real one (such as fsync=off).
temp_server_start() {
    local options=(-c listen_addresses= -p "${PGPORT:-5432}" "$@")
    PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -o "$(printf '%q ' "${options[@]}")" -w start
}

temp_server_stop() {
    PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -m fast -w stop
}

psql_as_superuser() {
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"
}

setup_db() {
    local exists
    exists="$(psql_as_superuser --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")"
    if [[ -z "${exists// /}" ]]; then
        psql_as_superuser --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
        echo
    fi
}

process_init_files() {
    local file
    echo
    for file in "$@"; do
        case "$file" in
            *.sh)
                if [[ -x "$file" ]]; then
                    echo "$0: running $file"
                    "$file"
                else
                    echo "$0: sourcing $file"
                    # shellcheck disable=SC1090 # the scripts are the user's
                    . "$file"
                fi
                ;;
            *.sql)
                echo "$0: running $file"
                psql_as_superuser --dbname "$POSTGRES_DB" -f "$file"
                echo
                ;;
            *.sql.gz)
                echo "$0: running $file"
                gunzip -c "$file" | psql_as_superuser --dbname "$POSTGRES_DB"
                echo
                ;;
            *.sql.xz)
                echo "$0: running $file"
                xzcat "$file" | psql_as_superuser --dbname "$POSTGRES_DB"
                echo
                ;;
            *) echo "$0: ignoring $file" ;;
        esac
    done
}

main() {
    # Options only: they are the server's.
    if [[ "${1:0:1}" == '-' ]]; then
        set -- postgres "$@"
    fi

    if [[ "$1" != postgres ]] || wants_help "$@"; then
        exec "$@"
    fi

    file_env POSTGRES_PASSWORD
    file_env POSTGRES_USER postgres
    file_env POSTGRES_DB "$POSTGRES_USER"
    file_env POSTGRES_INITDB_ARGS
    : "${POSTGRES_HOST_AUTH_METHOD:=}"

    create_directories
    if [[ "$(id -u)" == 0 ]]; then
        # Drop to postgres and start over. setpriv comes from util-linux: busybox's cannot
        # change the user.
        export HOME=/var/lib/postgresql
        exec /usr/bin/setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
    fi

    if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
        verify_minimum_env
        init_database_dir
        setup_hba_conf "${@:2}"
        export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
        temp_server_start "${@:2}"
        setup_db
        shopt -s nullglob
        process_init_files /docker-entrypoint-initdb.d/*
        shopt -u nullglob
        temp_server_stop
        unset PGPASSWORD
        echo
        echo 'PostgreSQL init process complete; ready for start up.'
        echo
    else
        echo
        echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
        echo
    fi

    exec "$@"
}

# Options that only print something: no initialisation, no user switch.
wants_help() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -'?' | --help | --describe-config | -V | --version) return 0 ;;
        esac
    done
    return 1
}

main "$@"
