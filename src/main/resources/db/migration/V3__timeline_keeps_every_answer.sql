-- A completed task's timeline entry carries every answer given on its form, notes included.
ALTER TABLE case_event ALTER COLUMN description SET DATA TYPE VARCHAR(4000);
