"""Shared helpers: the CLI to compare with (TALLY_CLI, default
build/tally of the checkout) and its --json output."""
import json
import os
import subprocess

import pytest

ROOT = os.environ.get("TALLY_ROOT") or os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLI = os.path.abspath(os.environ.get("TALLY_CLI") or os.path.join(ROOT, "build", "tally"))


def cli_json(*args):
    out = subprocess.run([CLI, *[str(a) for a in args], "--json"],
                         capture_output=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)


def cli_error(*args):
    out = subprocess.run([CLI, *[str(a) for a in args]],
                         capture_output=True, cwd=ROOT)
    assert out.returncode != 0
    return out.stderr.decode().strip()


@pytest.fixture
def root():
    return ROOT
