-- A lesson reused as part of a module (issue 18) remembers the module's name in its source: the lessons reused
-- together follow the module as its source reshapes it (lessons added, removed or reordered). NULL for a lesson,
-- question or knowledge check reused on its own.
ALTER TABLE element_origins ADD COLUMN source_module VARCHAR(200);
