-- // Add phone_number to users
-- The seed guide's workflow example: a new nullable column on users.

ALTER TABLE users ADD COLUMN phone_number VARCHAR(20);

-- //@UNDO

ALTER TABLE users DROP COLUMN phone_number;
