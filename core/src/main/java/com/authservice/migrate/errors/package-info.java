/** The failures of the migration API: one small family, each with a message that names the fix. */
package com.authservice.migrate.errors;
