/**
 * Config providers, which resolve {@code ${provider:path:key}} references in configurations from files,
 * environment variables, directories or secret stores, so secrets stay out of stored configuration.
 */
@Stable
package io.tributary.sdk.provider;

import io.tributary.sdk.annotation.Stable;
