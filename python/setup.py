"""Builds the tally Python package with libtally.so bundled inside it.

The library comes from the project's Makefile: $TALLY_LIB when set, else
../build/libtally.so (built with `make` first when missing). Uses only
Debian's setuptools: `pip install --no-build-isolation ./python` works
offline."""
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def libtally():
    env = os.environ.get("TALLY_LIB")
    if env:
        return env
    so = os.path.join(ROOT, "build", "libtally.so")
    if not os.path.exists(so) and os.path.exists(os.path.join(ROOT,
                                                              "Makefile")):
        subprocess.check_call(["make", "-C", ROOT, "build/libtally.so"])
    if not os.path.exists(so):
        raise SystemExit("tally: no libtally.so (run make, or set TALLY_LIB)")
    return so


class BuildPy(build_py):
    def run(self):
        super().run()
        dest = os.path.join(self.build_lib, "tally", "libtally.so")
        shutil.copyfile(libtally(), dest)
        os.chmod(dest, 0o755)
        # The buffer writer (tally/_buf.c); without a C compiler the
        # package falls back to a Python callback.
        cc = os.environ.get("CC", "cc")
        try:
            subprocess.check_call([cc, "-std=c11", "-O2", "-Wall", "-Wextra",
                                   "-Werror", "-fPIC", "-shared", "-o",
                                   os.path.join(self.build_lib, "tally",
                                                "_tallybuf.so"),
                                   os.path.join(HERE, "tally", "_buf.c")])
        except (OSError, subprocess.CalledProcessError):
            pass


setup(
    name="tally",
    version="0.1.0",
    description="The U.S. presidential election system, exactly "
                "(a binding over libtally)",
    packages=["tally"],
    python_requires=">=3.9",
    install_requires=["cffi"],
    cmdclass={"build_py": BuildPy},
    zip_safe=False,
)
