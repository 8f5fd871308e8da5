# divergence: valid Python outside the subset is an "unsupported" error (exit 2) in scenario
"""A module that imports a standard module scenario does not implement."""
import csv


def summary(rows):
    return csv.writer(rows)
