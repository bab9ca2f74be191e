"""The binding's hand-written C declarations (tally/_lib.py, given to cffi
in ABI mode, where a wrong declaration is not caught by any compiler)
against include/tally.h: every function, typedef, struct and #define
constant the binding declares must be declared the same way in the
header. The header is preprocessed by the C compiler ($CC, else cc) with
stub <stdint.h>, <stddef.h> and <stdbool.h>, and both sides are parsed
with pycparser (which cffi itself uses); an enum in the header matches an
int in the binding (the same size on every ABI tally builds for)."""
import os
import re
import subprocess

import pytest
from pycparser import c_ast, c_parser

from conftest import ROOT
from tally import _lib

HEADER = os.path.join(ROOT, "include", "tally.h")

INTS = ("typedef signed char int8_t; typedef short int16_t; "
        "typedef int int32_t; typedef long int64_t; "
        "typedef unsigned char uint8_t; typedef unsigned short uint16_t; "
        "typedef unsigned int uint32_t; typedef unsigned long uint64_t; "
        "typedef unsigned long size_t;\n")
STUBS = {
    "stdint.h": INTS.replace("typedef unsigned long size_t;", "") +
    "#define INT64_C(x) x##L\n#define UINT64_C(x) x##UL\n"
    "#define INT64_MAX 9223372036854775807L\n"
    "#define INT32_MAX 2147483647\n",
    "stddef.h": "typedef unsigned long size_t;\n#define NULL ((void *)0)\n",
    "stdbool.h": "#define bool _Bool\n#define true 1\n#define false 0\n",
}


class Decls:
    """What a translation unit declares: functions, typedefs, structs with
    fields, and the names that stand for an int (enums, int typedefs)."""

    def __init__(self, ast):
        self.funcs, self.typedefs, self.structs = {}, {}, {}
        self.intlike = set()
        for node in ast.ext:
            self._collect_structs(node)
            if isinstance(node, c_ast.Typedef):
                self.typedefs[node.name] = node.type
                t = node.type.type if isinstance(node.type,
                                                 c_ast.TypeDecl) else None
                if isinstance(t, c_ast.Enum) or (
                        isinstance(t, c_ast.IdentifierType)
                        and t.names == ["int"]):
                    self.intlike.add(node.name)
            elif isinstance(node, c_ast.Decl) and isinstance(
                    node.type, c_ast.FuncDecl):
                self.funcs[node.name] = node.type

    def _collect_structs(self, node):
        for _, child in node.children():
            self._collect_structs(child)
        if isinstance(node, c_ast.Struct) and node.decls is not None:
            self.structs[node.name] = node


def norm(t, intlike):
    """A type as a canonical string, parameter names left out."""
    if isinstance(t, (c_ast.Decl, c_ast.Typename)):
        return norm(t.type, intlike)
    if isinstance(t, c_ast.PtrDecl):
        inner = norm(t.type, intlike)
        if isinstance(t.type, c_ast.FuncDecl):
            inner = f"({inner})"
        return inner + "*" + " ".join(sorted(t.quals))
    if isinstance(t, c_ast.ArrayDecl):
        dim = t.dim.value if isinstance(t.dim, c_ast.Constant) else "?"
        return f"{norm(t.type, intlike)}[{dim}]"
    if isinstance(t, c_ast.FuncDecl):
        params = []
        for p in (t.args.params if t.args is not None else []):
            if isinstance(p, c_ast.EllipsisParam):
                params.append("...")
                continue
            s = norm(p, intlike)
            if s != "void":
                params.append(s)
        return f"fn({', '.join(params)}) -> {norm(t.type, intlike)}"
    if isinstance(t, c_ast.TypeDecl):
        q = " ".join(sorted(t.quals))
        return (q + " " if q else "") + norm(t.type, intlike)
    if isinstance(t, c_ast.IdentifierType):
        name = " ".join(t.names)
        if name == "bool":
            return "_Bool"
        return "int" if name in intlike else name
    if isinstance(t, c_ast.Enum):
        return "int"
    if isinstance(t, c_ast.Struct):
        return "struct " + t.name
    raise AssertionError(f"unexpected {type(t).__name__}")


def fields(s, intlike):
    return [(d.name, norm(d.type, intlike)) for d in s.decls]


@pytest.fixture(scope="module")
def header(tmp_path_factory):
    stubs = tmp_path_factory.mktemp("stubs")
    for name, text in STUBS.items():
        (stubs / name).write_text(text)
    cc = os.environ.get("CC", "cc")
    try:
        out = subprocess.run([cc, "-E", "-P", "-nostdinc", f"-I{stubs}",
                              "-U__GNUC__", HEADER], capture_output=True,
                             check=True)
    except FileNotFoundError:
        pytest.skip(f"no C compiler ({cc}) to preprocess tally.h")
    ast = c_parser.CParser().parse(out.stdout.decode(), "tally.h")
    with open(HEADER, encoding="utf-8") as f:
        text = f.read()
    defines = dict(re.findall(r"^#define (TLY_\w+) (\S+)", text, re.M))
    return Decls(ast), defines


@pytest.fixture(scope="module")
def binding():
    defines = {}
    texts = []
    for text in _lib.CDEFS:
        for name, value in re.findall(r"^#define (\w+) (\S+)", text, re.M):
            defines[name] = value
        texts.append(re.sub(r"^#define .*$", "", text, flags=re.M))
    src = INTS + "typedef _Bool bool;\n" + "\n".join(texts)
    return Decls(c_parser.CParser().parse(src, "_lib.py")), defines


def ours(name):
    """Declarations of the package's own helper (_buf.c), not tally.h's."""
    return name.startswith("tlypy_")


def test_functions_match_header(header, binding):
    h, _ = header
    b, _ = binding
    assert len(b.funcs) > 100
    bad = []
    for name, t in sorted(b.funcs.items()):
        if ours(name):
            continue
        if name not in h.funcs:
            bad.append(f"{name}: not in tally.h")
            continue
        got, want = norm(t, b.intlike), norm(h.funcs[name], h.intlike)
        if got != want:
            bad.append(f"{name}: binding {got}; tally.h {want}")
    assert not bad, "\n".join(bad)


def test_structs_match_header(header, binding):
    h, _ = header
    b, _ = binding
    bad = []
    for name, s in sorted(b.structs.items()):
        if ours(name):
            continue
        if name not in h.structs:
            bad.append(f"struct {name}: no fields in tally.h")
            continue
        got, want = fields(s, b.intlike), fields(h.structs[name], h.intlike)
        if got != want:
            bad.append(f"struct {name}: binding {got}; tally.h {want}")
    assert not bad, "\n".join(bad)


def test_typedefs_match_header(header, binding):
    h, _ = header
    b, _ = binding
    bad = []
    for name, t in sorted(b.typedefs.items()):
        if ours(name) or name == "bool":
            continue
        if name not in h.typedefs:
            bad.append(f"{name}: not a typedef in tally.h")
        elif name in b.intlike:
            if name not in h.intlike:
                bad.append(f"{name}: an int in the binding, not an enum")
        elif norm(t, b.intlike) != norm(h.typedefs[name], h.intlike):
            bad.append(f"{name}: binding {norm(t, b.intlike)}; tally.h "
                       f"{norm(h.typedefs[name], h.intlike)}")
    assert not bad, "\n".join(bad)


def test_defines_match_header(header, binding):
    _, hd = header
    _, bd = binding
    assert bd, "the binding declares no constants"
    bad = [f"{k}: binding {v}, tally.h {hd.get(k)}"
           for k, v in sorted(bd.items()) if hd.get(k) != v]
    assert not bad, "\n".join(bad)


def test_the_check_can_fail(header, binding):
    """A field missing at the end of a struct (tly_load_opts had only
    "year", so the library read past cffi's allocation), or a parameter of
    another type, makes the normalized forms differ."""
    h, _ = header
    b, _ = binding
    want = fields(h.structs["tly_load_opts"], h.intlike)
    assert fields(b.structs["tly_load_opts"], b.intlike) == want
    assert want[:1] != want
    ladder = norm(h.funcs["tly_bravo_ladder"], h.intlike)
    assert norm(b.funcs["tly_bravo_ladder"], b.intlike) == ladder
    assert ladder.replace("size_t)", "int)") != ladder
