#!/bin/bash
# Entry point of the mariadb image that build.sh assembles, with the contract of the public mariadb
# image that Testcontainers' MariaDBContainer relies on:
#
#  - The command is `mariadbd [ARGS...]` (or `mysqld`; an ARGS-only command gets `mariadbd` put in
#    front); any other command is run as it is.
#  - Started as root, it creates the data and socket folders, gives them to the mysql user and runs
#    itself again as that user.
#  - On a data folder without a `mysql` system database it runs mariadb-install-db, starts a
#    temporary server that listens on its Unix socket only, loads the time zone tables (unless
#    MARIADB_INITDB_SKIP_TZINFO is set), gives root the password MARIADB_ROOT_PASSWORD and, unless
#    MARIADB_ROOT_HOST is localhost, the account root@MARIADB_ROOT_HOST (default '%') with all
#    privileges, creates MARIADB_DATABASE and the account MARIADB_USER (password MARIADB_PASSWORD,
#    all privileges on that database), runs /docker-entrypoint-initdb.d/* (*.sh run or sourced,
#    *.sql, *.sql.gz, *.sql.xz, *.sql.bz2 and *.sql.zst fed to the client, in MARIADB_DATABASE if
#    set) and stops the temporary server again.
#  - The server then replaces this script as the container's main process. Nothing listens on TCP
#    before the real server does, so a client that connects knows the initialisation is over.
#
# Every MARIADB_* variable may be given as MYSQL_* instead (MARIADB_* wins). The root password must
# be set, or MARIADB_ALLOW_EMPTY_ROOT_PASSWORD (MYSQL_ALLOW_EMPTY_PASSWORD) or
# MARIADB_RANDOM_ROOT_PASSWORD must be; MARIADB_ROOT_PASSWORD_HASH and MARIADB_PASSWORD_HASH give
# a password as the hash PASSWORD() makes. *_FILE variants read a value from a file.
set -Eeo pipefail

readonly INIT_DIR=/docker-entrypoint-initdb.d

log() {
    printf '%s [Entrypoint]: %s\n' "$(date '+%Y-%m-%d %H:%M:%S')" "$*"
}

error() {
    log "ERROR: $*" >&2
    exit 1
}

# file_env VAR [DEFAULT]: exports MARIADB_VAR from MARIADB_VAR, MARIADB_VAR_FILE, MYSQL_VAR or
# MYSQL_VAR_FILE, in that order; a variable and its _FILE variant are exclusive.
file_env() {
    local name="$1" default="${2:-}" prefix var file_var value
    for prefix in MARIADB MYSQL; do
        var="${prefix}_${name}"
        file_var="${var}_FILE"
        if [[ -n "${!var:-}" && -n "${!file_var:-}" ]]; then
            error "both $var and $file_var are set (but are exclusive)"
        fi
        if [[ -z "${value+set}" ]]; then
            if [[ -n "${!var:-}" ]]; then
                value="${!var}"
            elif [[ -n "${!file_var:-}" ]]; then
                value="$(<"${!file_var}")"
            fi
        fi
        unset "$file_var"
    done
    export "MARIADB_${name}=${value-$default}"
}

# A value as the inside of a single-quoted SQL string.
sql_string() {
    local value="${1//\\/\\\\}"
    printf '%s' "${value//\'/\\\'}"
}

# A value as the inside of a back-quoted SQL identifier.
sql_identifier() {
    printf '%s' "${1//\`/\`\`}"
}

# A value as the inside of a double-quoted option file value.
option_string() {
    local value="${1//\\/\\\\}"
    printf '%s' "${value//\"/\\\"}"
}

# read_server_paths ARGS...: sets DATADIR and SOCKET to the values the server would use, from the
# option files and ARGS (the command's own options).
read_server_paths() {
    local paths
    paths="$("$@" --verbose --help 2>/dev/null |
        awk '$1 == "datadir" && NF == 2 { d = $2 } $1 == "socket" && NF == 2 { s = $2 } END { print d; print s }')"
    DATADIR="$(sed -n 1p <<<"$paths")"
    SOCKET="$(sed -n 2p <<<"$paths")"
    if [[ -z "$DATADIR" || -z "$SOCKET" ]]; then
        error "the server's configuration does not parse: $("$@" --verbose --help 2>&1 >/dev/null | head -5)"
    fi
}

# The folders the server needs, owned by mysql when this runs as root.
create_directories() {
    mkdir -p "$DATADIR" "$(dirname "$SOCKET")"
    if [[ "$(id -u)" == 0 ]]; then
        find "$DATADIR" "$(dirname "$SOCKET")" \! -user mysql -exec chown mysql:mysql '{}' +
    fi
}

verify_minimum_env() {
    if [[ -z "$MARIADB_ROOT_PASSWORD" && -z "$MARIADB_ROOT_PASSWORD_HASH" &&
        -z "$MARIADB_ALLOW_EMPTY_ROOT_PASSWORD" && -z "$MARIADB_RANDOM_ROOT_PASSWORD" ]]; then
        cat >&2 <<'EOF'
Error: Database is uninitialized and password option is not specified.
       You need to specify one of MARIADB_ROOT_PASSWORD, MARIADB_ROOT_PASSWORD_HASH,
       MARIADB_ALLOW_EMPTY_ROOT_PASSWORD and MARIADB_RANDOM_ROOT_PASSWORD
       (or their MYSQL_* names).
EOF
        exit 1
    fi
    if [[ "$MARIADB_USER" == root ]]; then
        error "MARIADB_USER=root: MARIADB_USER and MARIADB_PASSWORD configure a regular user; root's password is MARIADB_ROOT_PASSWORD"
    fi
    if [[ -n "$MARIADB_USER" && -z "$MARIADB_PASSWORD" && -z "$MARIADB_PASSWORD_HASH" ]]; then
        log "WARNING: MARIADB_USER is set but MARIADB_PASSWORD is not: the account has an empty password"
    fi
    if [[ -z "$MARIADB_USER" && -n "$MARIADB_PASSWORD" ]]; then
        log "MARIADB_PASSWORD is set without MARIADB_USER: no regular user is created"
    fi
}

# The client on the temporary server's socket as root, with root's password once it is set.
client() {
    mariadb --defaults-extra-file=<(printf '[client]\npassword="%s"\n' "$(option_string "$ROOT_CLIENT_PASSWORD")") \
        --protocol=socket --socket="$SOCKET" --user=root --host=localhost "$@"
}

# ARGS: the server command. The temporary server takes the same options as the real one, without
# networking, TLS, replication or buffer pool loading.
temp_server_start() {
    log "Starting temporary server"
    "$@" --skip-networking --socket="$SOCKET" --default-time-zone=SYSTEM --skip-ssl --skip-slave-start \
        --loose-wsrep-on=OFF --expire-logs-days=0 --loose-innodb-buffer-pool-load-at-startup=0 &
    TEMP_SERVER_PID=$!
    local _
    for _ in $(seq 300); do
        if client --connect-timeout=1 -e 'SELECT 1' >/dev/null 2>&1; then
            log "Temporary server started"
            return 0
        fi
        if ! kill -0 "$TEMP_SERVER_PID" 2>/dev/null; then
            error "the temporary server stopped before it accepted connections"
        fi
        sleep 0.1
    done
    error "the temporary server did not accept connections within 30 seconds"
}

temp_server_stop() {
    log "Stopping temporary server"
    kill "$TEMP_SERVER_PID"
    wait "$TEMP_SERVER_PID" || error "the temporary server did not stop cleanly"
    log "Temporary server stopped"
}

init_database_dir() {
    log "Initializing database files"
    # --rpm: no host name look-up (the accounts it would create for the container's name are
    # dropped below anyway). The server's own options pass through.
    mariadb-install-db --datadir="$DATADIR" --rpm --auth-root-authentication-method=normal --skip-test-db \
        --default-time-zone=SYSTEM --enforce-storage-engine= --skip-log-bin --expire-logs-days=0 \
        --loose-innodb-buffer-pool-load-at-startup=0 --loose-innodb-buffer-pool-dump-at-shutdown=0 \
        "${@:2}"
    log "Database files initialized"
}

root_password_clause() {
    if [[ -n "$MARIADB_ROOT_PASSWORD_HASH" ]]; then
        printf "IDENTIFIED BY PASSWORD '%s'" "$(sql_string "$MARIADB_ROOT_PASSWORD_HASH")"
    else
        printf "IDENTIFIED BY '%s'" "$(sql_string "$MARIADB_ROOT_PASSWORD")"
    fi
}

setup_db() {
    local root_host user_sql='' database_sql='' root_sql=''
    root_host="$(sql_string "$MARIADB_ROOT_HOST")"

    if [[ -n "$MARIADB_ROOT_PASSWORD_HASH" ]]; then
        root_sql="SET PASSWORD FOR 'root'@'localhost' = '$(sql_string "$MARIADB_ROOT_PASSWORD_HASH")';"
    elif [[ -n "$MARIADB_ROOT_PASSWORD" ]]; then
        root_sql="SET PASSWORD FOR 'root'@'localhost' = PASSWORD('$(sql_string "$MARIADB_ROOT_PASSWORD")');"
    fi
    if [[ "$MARIADB_ROOT_HOST" != localhost ]]; then
        root_sql+="
CREATE USER 'root'@'${root_host}' $(root_password_clause);
GRANT ALL ON *.* TO 'root'@'${root_host}' WITH GRANT OPTION;
GRANT PROXY ON ''@'%' TO 'root'@'${root_host}' WITH GRANT OPTION;"
    fi
    if [[ -n "$MARIADB_DATABASE" ]]; then
        log "Creating database ${MARIADB_DATABASE}"
        database_sql="CREATE DATABASE IF NOT EXISTS \`$(sql_identifier "$MARIADB_DATABASE")\`;"
    fi
    if [[ -n "$MARIADB_USER" ]]; then
        log "Creating user ${MARIADB_USER}"
        local user password_clause
        user="$(sql_string "$MARIADB_USER")"
        if [[ -n "$MARIADB_PASSWORD_HASH" ]]; then
            password_clause="IDENTIFIED BY PASSWORD '$(sql_string "$MARIADB_PASSWORD_HASH")'"
        else
            password_clause="IDENTIFIED BY '$(sql_string "$MARIADB_PASSWORD")'"
        fi
        user_sql="CREATE USER '${user}'@'%' ${password_clause};"
        if [[ -n "$MARIADB_DATABASE" ]]; then
            log "Giving user ${MARIADB_USER} access to schema ${MARIADB_DATABASE}"
            user_sql+="
GRANT ALL ON \`$(sql_identifier "$MARIADB_DATABASE")\`.* TO '${user}'@'%';"
        fi
    fi

    log "Securing system users"
    # mariadb-install-db made root accounts for 127.0.0.1, ::1 and the container's name, and
    # anonymous ones: only root@localhost and root@MARIADB_ROOT_HOST remain. Nothing of this is
    # written to a binary log.
    client --binary-mode <<EOF
SET @@SESSION.SQL_LOG_BIN = 0;
SET @@SESSION.SQL_MODE = REPLACE(@@SESSION.SQL_MODE, 'NO_BACKSLASH_ESCAPES', '');
DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1', ''@'localhost';
EXECUTE IMMEDIATE CONCAT('DROP USER IF EXISTS \'root\'@\'', @@hostname, '\', \'\'@\'', @@hostname, '\'');
${root_sql}
${database_sql}
${user_sql}
FLUSH PRIVILEGES;
EOF
}

load_time_zones() {
    if [[ -n "$MARIADB_INITDB_SKIP_TZINFO" ]]; then
        return
    fi
    log "Loading time zone tables"
    # The output switches off its own binary logging; the zones that cannot be read are skipped
    # with a warning (a few files of the database are not zones).
    mariadb-tzinfo-to-sql --skip-write-binlog /usr/share/zoneinfo 2>/dev/null | client mysql
}

process_init_files() {
    local file database_args=()
    if [[ -n "$MARIADB_DATABASE" ]]; then
        database_args=(--database="$MARIADB_DATABASE")
    fi
    for file in "$@"; do
        case "$file" in
            *.sh)
                if [[ -x "$file" ]]; then
                    log "$0: running $file"
                    "$file"
                else
                    log "$0: sourcing $file"
                    # shellcheck disable=SC1090 # the scripts are the user's
                    . "$file"
                fi
                ;;
            *.sql) log "$0: running $file" && client "${database_args[@]}" <"$file" ;;
            *.sql.gz) log "$0: running $file" && gunzip -c "$file" | client "${database_args[@]}" ;;
            *.sql.xz) log "$0: running $file" && xzcat "$file" | client "${database_args[@]}" ;;
            *.sql.bz2) log "$0: running $file" && bzcat "$file" | client "${database_args[@]}" ;;
            *.sql.zst) log "$0: running $file" && zstdcat "$file" | client "${database_args[@]}" ;;
            *) log "$0: ignoring $file" ;;
        esac
    done
}

# Options that only print something: no initialisation, no user switch.
wants_help() {
    local arg
    for arg in "$@"; do
        case "$arg" in
            -'?' | --help | --print-defaults | -V | --version) return 0 ;;
        esac
    done
    return 1
}

main() {
    # Options only: they are the server's.
    if [[ "${1:0:1}" == '-' ]]; then
        set -- mariadbd "$@"
    fi

    if [[ "$1" != mariadbd && "$1" != mysqld ]] || wants_help "$@"; then
        exec "$@"
    fi

    read_server_paths "$@"

    create_directories
    if [[ "$(id -u)" == 0 ]]; then
        # Drop to mysql and start over. setpriv comes from util-linux: busybox's cannot change
        # the user.
        export HOME=/var/lib/mysql
        exec /usr/bin/setpriv --reuid=mysql --regid=mysql --init-groups "${BASH_SOURCE[0]}" "$@"
    fi

    if [[ ! -d "$DATADIR/mysql" ]]; then
        file_env ROOT_PASSWORD
        file_env ROOT_PASSWORD_HASH
        file_env ROOT_HOST '%'
        file_env DATABASE
        file_env USER
        file_env PASSWORD
        file_env PASSWORD_HASH
        file_env RANDOM_ROOT_PASSWORD
        file_env INITDB_SKIP_TZINFO
        # MYSQL_ALLOW_EMPTY_PASSWORD is the MySQL name of MARIADB_ALLOW_EMPTY_ROOT_PASSWORD.
        : "${MARIADB_ALLOW_EMPTY_ROOT_PASSWORD:=${MYSQL_ALLOW_EMPTY_PASSWORD:-}}"
        verify_minimum_env
        if [[ -n "$MARIADB_RANDOM_ROOT_PASSWORD" && -z "$MARIADB_ROOT_PASSWORD" && -z "$MARIADB_ROOT_PASSWORD_HASH" ]]; then
            MARIADB_ROOT_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '\n')"
            log "GENERATED ROOT PASSWORD: $MARIADB_ROOT_PASSWORD"
        fi

        init_database_dir "$@"
        ROOT_CLIENT_PASSWORD=''
        temp_server_start "$@"
        load_time_zones
        setup_db
        ROOT_CLIENT_PASSWORD="$MARIADB_ROOT_PASSWORD"
        if [[ -n "$MARIADB_ROOT_PASSWORD_HASH" && -z "$MARIADB_ROOT_PASSWORD" ]]; then
            # Only the hash is known: init files can still run through the socket's session if
            # they need no login, so they are skipped with a note when there are any.
            if compgen -G "$INIT_DIR/*" >/dev/null; then
                log "WARNING: MARIADB_ROOT_PASSWORD_HASH without MARIADB_ROOT_PASSWORD: $INIT_DIR is not run"
            fi
        else
            shopt -s nullglob
            process_init_files "$INIT_DIR"/*
            shopt -u nullglob
        fi
        temp_server_stop
        echo
        log "MariaDB init process done. Ready for start up."
        echo
    else
        log "$DATADIR already holds a database: skipping initialization"
    fi

    exec "$@"
}

main "$@"
