-- // index account emails

CREATE INDEX accounts_email_lower ON accounts (lower(email));

-- //@UNDO

DROP INDEX accounts_email_lower;
