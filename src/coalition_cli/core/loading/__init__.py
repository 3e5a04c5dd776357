"""Loading files through one pipeline of stages (documents.py), into one outcome type (outcome.py):
rubrics and the Guide (frameworks.py), coalition profiles (profiles.py), assessments (assessments.py)."""
