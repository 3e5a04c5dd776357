"""The data models: a rubric (framework), an assessment, a coalition profile, the Guide."""
