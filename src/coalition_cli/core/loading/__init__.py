"""Loading documents through one pipeline: rubrics, assessments, and any YAML document checked by a model."""
