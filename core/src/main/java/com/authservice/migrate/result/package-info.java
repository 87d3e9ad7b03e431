/** Values that the migration API returns: the shell renders them, tests assert on them. */
package com.authservice.migrate.result;
