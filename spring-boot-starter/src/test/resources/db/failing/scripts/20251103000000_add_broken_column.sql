-- // add broken column

CREATE TABLE audit (id BIGSERIAL PRIMARY KEY);
ALTER TABLE accounts ADD COLUMN created_at TIMESTAMP DEFAULT no_such_function();

-- //@UNDO

DROP TABLE audit;
