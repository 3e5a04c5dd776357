"""Files on disk: finding the ones to read, running over many, writing atomically, bundled data."""
