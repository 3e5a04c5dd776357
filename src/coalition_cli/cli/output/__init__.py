"""How the CLI prints: problems, reports in every format, a rubric's pages."""
