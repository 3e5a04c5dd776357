"""Helpers shared by the tests (no tests here): files, runners, golden files, paths."""
