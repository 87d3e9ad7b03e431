-- // create accounts

CREATE TABLE accounts (
  id BIGSERIAL PRIMARY KEY,
  email VARCHAR(255) NOT NULL UNIQUE
);

-- //@UNDO

DROP TABLE accounts;
