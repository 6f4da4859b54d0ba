#!/usr/bin/env python3
"""Fills translations/escale_en.ts (made by `lupdate -pluralonly`) with the English plural
forms of every "%n ...(s)" source string: "(s)" dropped for one, "s" for many, and the few
verbs that change with the number."""
import html
import re
import sys

VERBS = [  # (many, one) when the source writes the plural verb
    ("were changed", "was changed"),
    ("machine(s) sync it", "machine syncs it"),
    ("deleted here at once are not deleted", "deleted here at once is not deleted"),
    ("delete them everywhere", "delete it everywhere"),
    ("bring them back", "bring it back"),
    ("wait for your confirmation before they are", "waits for your confirmation before it is"),
    ("line(s) differ.", "line differs."),
]


def forms(source):
    one, many = source, source
    for plural, singular in VERBS:
        one = one.replace(plural, singular)
    one = one.replace("(s)", "")
    many = many.replace("machine(s) sync it", "machines sync it").replace("(s)", "s")
    return one, many


def main(path):
    text = open(path, encoding="utf-8").read()
    esc = lambda t: html.escape(t, quote=False).replace("'", "&apos;")

    def fill(match):
        block = match.group(0)
        source = html.unescape(re.search(r"<source>(.*?)</source>", block, re.S).group(1))
        one, many = forms(source)
        translation = ("<translation>\n            <numerusform>%s</numerusform>\n"
                       "            <numerusform>%s</numerusform>\n        </translation>") % (esc(one), esc(many))
        return re.sub(r"<translation[^>]*/>|<translation[^>]*>.*?</translation>", lambda _: translation, block,
                      flags=re.S)

    text = re.sub(r'<message numerus="yes">.*?</message>', fill, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "translations/escale_en.ts")
