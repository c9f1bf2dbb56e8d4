"""Task-division tables: columns, tables flattened to text, and the table reader."""
