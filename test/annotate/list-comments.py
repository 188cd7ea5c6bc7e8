#!/usr/bin/env python3
"""Lists the comments of a .docx with the text each one is anchored on, as JSON.

A reader independent of fzlint's own (Python's zipfile and ElementTree instead of fflate and
saxes), used by the tests to check annotated copies: every comment, its author, its paragraphs,
and the body text between its w:commentRangeStart and w:commentRangeEnd (paragraphs joined
with a newline, deleted text left out).
"""
import json
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
R = '{http://schemas.openxmlformats.org/package/2006/relationships}'


def part_of(z, rels_path, rel_type_end, base):
    try:
        rels = ET.fromstring(z.read(rels_path))
    except KeyError:
        return None
    for rel in rels.iter(R + 'Relationship'):
        if rel.get('Type', '').endswith(rel_type_end):
            target = rel.get('Target')
            return target.lstrip('/') if target.startswith('/') else base + target
    return None


def main(path):
    with zipfile.ZipFile(path) as z:
        doc = ET.fromstring(z.read('word/document.xml'))
        comments_path = part_of(z, 'word/_rels/document.xml.rels', '/comments', 'word/')
        comments = {}
        if comments_path:
            for c in ET.fromstring(z.read(comments_path)).iter(W + 'comment'):
                paragraphs = [''.join(t.text or '' for t in p.iter(W + 't')) for p in c.iter(W + 'p')]
                comments[c.get(W + 'id')] = {'id': int(c.get(W + 'id')), 'author': c.get(W + 'author'), 'paragraphs': paragraphs, 'anchored': '', 'ranges': 0, 'references': 0}

    open_ids = []

    def walk(el, in_deleted):
        tag = el.tag
        if tag == W + 'commentRangeStart':
            open_ids.append(el.get(W + 'id'))
            if el.get(W + 'id') in comments:
                comments[el.get(W + 'id')]['ranges'] += 1
        elif tag == W + 'commentRangeEnd':
            if el.get(W + 'id') in open_ids:
                open_ids.remove(el.get(W + 'id'))
        elif tag == W + 'commentReference':
            if el.get(W + 'id') in comments:
                comments[el.get(W + 'id')]['references'] += 1
        elif tag == W + 't' and not in_deleted:
            for i in open_ids:
                if i in comments:
                    comments[i]['anchored'] += el.text or ''
        deleted = in_deleted or tag in (W + 'del', W + 'moveFrom')
        for child in el:
            walk(child, deleted)
        if tag == W + 'p':
            for i in open_ids:
                if i in comments:
                    comments[i]['anchored'] += '\n'

    walk(doc, False)
    json.dump(sorted(comments.values(), key=lambda c: c['id']), sys.stdout, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
