-- // create sessions

CREATE TABLE sessions (
  id BIGSERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id)
);

-- //@UNDO

DROP TABLE sessions;
