"""What is checked beyond the models' shapes, the JSON Schema, and the fast proof of a clean file."""
