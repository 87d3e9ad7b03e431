/**
 * {@code verify}: every migration proven on a scratch database ({@link com.authservice.migrate.verify.ScratchDatabase})
 * before it reaches a real one — ids, strict lint, apply onto sample rows, undo back to the exact schema, apply
 * again, and the models at head ({@link com.authservice.migrate.verify.Verifier}).
 */
package com.authservice.migrate.verify;
