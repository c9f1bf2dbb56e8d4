"""Task-division tables: the table reader that turns a Table into sections, tasks and rows."""
