"""The question engine: templates and statements become questions; answers are checked and scored."""
