"""Checks: one module per family (rubric, participants, profile, framework), each rule a registered
`Check` with the codes it may raise (registry.py); the structure of a document (structure.py); the JSON
Schema of assessments (schema.py); and validate's fast proof of a clean file (fastcheck.py)."""
