-- The organizer's questions to those who submit abstracts, and the answers.

-- +goose Up
ALTER TABLE calls ADD COLUMN submission_questions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE abstracts ADD COLUMN answers TEXT NOT NULL DEFAULT '{}';

-- +goose Down
ALTER TABLE abstracts DROP COLUMN answers;
ALTER TABLE calls DROP COLUMN submission_questions;
