"""Golden outputs: whole documents and reports compared byte for byte (data in plan/ and scoring/)."""
