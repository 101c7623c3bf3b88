"""Java regular expressions (as AWS's service models write them) translated to Python's `re`.

AWS checks a member's `pattern` with java.util.regex and `Matcher.matches()`: the whole value
must match, anchors or not. `translate(pattern)` returns a compiled Python pattern with the same
meaning; use it with `fullmatch`. The Java constructs handled, and how:
  * `\\d \\D \\w \\W \\s \\S \\b \\B` are ASCII-only in Java (no UNICODE_CHARACTER_CLASS):
    the pattern is compiled with re.ASCII, which gives Python the same sets (`\\s` is
    [ \\t\\n\\x0B\\f\\r]).
  * `\\p{X}` / `\\P{X}` with X a Unicode general category (L, Lu, N, Nd, Z, M, S, P, C, ...; also
    written `IsL`), a Java POSIX class (ASCII only: `Alpha`, `Digit`, `Alnum`, `Punct` =
    !"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~, `Upper`, `Lower`, `Space`, `XDigit`, `Blank`, `Cntrl`,
    `Graph`, `Print`, `ASCII`) or `LD` (letter or digit, Character.isLetterOrDigit: L and Nd):
    expanded to explicit character ranges, also inside a bracket class (`\\P` inside a class is
    refused). The categories come from Python's unicodedata, whose Unicode version may trail
    Java's by a release.
  * `.` does not match Java's line terminators (\\n \\r \\u0085 \\u2028 \\u2029).
  * `\\z` -> `\\Z`; `(?<name>` -> `(?P<name>`; `\\uXXXX`, `\\xhh`, `\\t \\n \\r \\f \\a`, escaped
    punctuation, lookarounds, possessive quantifiers: the same in both.
Anything else Java-specific (`\\Q..\\E`, `&&` intersections, nested classes, `\\Z`, `\\G`, `\\R`,
`\\h`, `\\v`, `\\e`, `\\c`, octal `\\0`, back references, other `\\p{..}` names) raises
`Untranslatable`: never guessed, never skipped.
"""
import functools
import re
import sys
import unicodedata

_LINE_TERMINATORS = "\n\r\u0085\u2028\u2029"
_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_POSIX = {
    "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x00-\\x7f", "Alpha": "a-zA-Z", "Digit": "0-9",
    "Alnum": "a-zA-Z0-9", "Punct": re.escape(_PUNCT),
    "Graph": "\\x21-\\x7e", "Print": "\\x20-\\x7e", "Blank": " \\t", "Cntrl": "\\x00-\\x1f\\x7f",
    "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x0b\\f\\r",
}
# Escapes whose meaning is the same in Java and in Python's re (with re.ASCII).
_SAME = set("dDwWsSbBAtnrfa")


class Untranslatable(ValueError):
    """A Java construct this translator does not know: a model pattern it cannot check."""


@functools.lru_cache(maxsize=None)
def _category_table():
    """General category -> [(first, last)] code point ranges, from one pass over all of Unicode."""
    table = {}
    category = unicodedata.category
    current, start = None, 0
    for cp in range(sys.maxunicode + 1):
        cat = category(chr(cp))
        if cat != current:
            if current is not None:
                table.setdefault(current, []).append((start, cp - 1))
            current, start = cat, cp
    table.setdefault(current, []).append((start, sys.maxunicode))
    return table


@functools.lru_cache(maxsize=None)
def _category_ranges(prefix):
    """Class text (ranges) of every code point whose general category starts with `prefix`."""
    ranges = sorted(r for cat, rs in _category_table().items() if cat.startswith(prefix)
                    for r in rs)

    def esc(cp):
        return f"\\U{cp:08x}"
    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


_CATEGORIES = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No",
               "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "S", "Sm", "Sc", "Sk", "So",
               "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn"}


def _property(name):
    """The class body (no brackets) of Java's \\p{name}."""
    if name in _POSIX:
        return _POSIX[name]
    if name == "LD":
        return _category_ranges("L") + _category_ranges("Nd")
    bare = name[2:] if name.startswith("Is") else name
    if bare in _CATEGORIES:
        return _category_ranges(bare)
    raise Untranslatable(f"unknown Java character property \\p{{{name}}}")


def _escape(pattern, i, in_class):
    """Translates the escape at pattern[i] == '\\'; returns (python text, next index)."""
    if i + 1 >= len(pattern):
        raise Untranslatable("pattern ends with a lone backslash")
    c = pattern[i + 1]
    if c in "pP":
        m = re.compile(r"\{([A-Za-z&]+)\}").match(pattern, i + 2)
        if m:
            name, end = m.group(1), m.end()
        elif i + 2 < len(pattern) and pattern[i + 2].isalpha():
            name, end = pattern[i + 2], i + 3
        else:
            raise Untranslatable(f"malformed \\{c} at {i}")
        body = _property(name)
        if c == "p":
            return (body if in_class else f"[{body}]"), end
        if in_class:
            raise Untranslatable(f"\\P{{{name}}} inside a character class")
        return f"[^{body}]", end
    if c == "u":
        m = re.compile(r"[0-9a-fA-F]{4}").match(pattern, i + 2)
        if not m:
            raise Untranslatable(f"malformed \\u escape at {i}")
        return f"\\u{m.group(0)}", m.end()
    if c == "x":
        m = re.compile(r"[0-9a-fA-F]{2}").match(pattern, i + 2)
        if not m:
            raise Untranslatable(f"unsupported \\x escape at {i}")
        return f"\\x{m.group(0)}", m.end()
    if c == "z" and not in_class:
        return "\\Z", i + 2
    if c in _SAME and not (in_class and c in "bBA"):
        return "\\" + c, i + 2
    if not c.isalnum():
        return re.escape(c) if c != " " else " ", i + 2
    raise Untranslatable(f"Java escape \\{c} at {i} has no translation")


def _translate_class(pattern, i):
    """Translates the bracket class opening at pattern[i]; returns (python text, next index)."""
    out = ["["]
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        out.append("^")
        j += 1
    first = True
    while j < len(pattern):
        c = pattern[j]
        if c == "]" and not first:
            out.append("]")
            return "".join(out), j + 1
        if c == "\\":
            text, j = _escape(pattern, j, in_class=True)
            out.append(text)
        elif c == "[":
            raise Untranslatable(f"nested character class at {j}")
        elif c == "&" and pattern.startswith("&&", j):
            raise Untranslatable(f"class intersection && at {j}")
        else:
            out.append(re.escape(c) if c in "]" else c)
            j += 1
        first = False
    raise Untranslatable(f"unterminated character class at {i}")


def translate_text(pattern):
    """The Python `re` text (compile it with re.ASCII) for a Java pattern."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            text, i = _escape(pattern, i, in_class=False)
            if text.startswith("\\") and text[1:2].isdigit():
                raise Untranslatable(f"back reference at {i}")
            out.append(text)
        elif c == "[":
            text, i = _translate_class(pattern, i)
            out.append(text)
        elif c == ".":
            out.append(f"[^{_LINE_TERMINATORS}]")
            i += 1
        elif pattern.startswith("(?<", i) and pattern[i + 3:i + 4] not in ("=", "!"):
            out.append("(?P<")
            i += 3
        else:
            out.append(c)
            i += 1
    return "".join(out)


@functools.lru_cache(maxsize=None)
def translate(pattern):
    """The compiled Python equivalent of a Java pattern, for `fullmatch` (Java's matches())."""
    text = translate_text(pattern)
    try:
        return re.compile(text, re.ASCII)
    except re.error as e:
        raise Untranslatable(f"{pattern!r}: its translation does not compile: {e}") from e


def matches(pattern, value):
    """Java's Pattern.matches(pattern, value)."""
    return translate(pattern).fullmatch(value) is not None
