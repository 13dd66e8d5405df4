# -*- coding: utf-8 -*-
"""Run PETRARCH2 itself on PETR.UnitTest.records.xml, for measurement only (issue 19).

    ~/.pyenv/versions/2.7.18/bin/python bench/petrarch2_run.py PETRARCH2_DIR ../shared/reference/petrarch OUT.json
    PYTHONPATH=src python bench/petrdict_unit.py --events OUT.json

Python 2.7 only. PETRARCH2_DIR holds PETRARCH2's own modules (PETRglobals, PETRreader, PETRtree,
utilities and petrarch2, from github.com/openeventdata/petrarch2, MIT); they are not part of
this repository. Reads the four PETR.Validate dictionaries with PETRARCH2's readers, then, as
PETRARCH2's do_coding does for each sentence, applies its discard check to the text and codes
the record's own <Parse> (formatted by its _format_parsed_str) with
PETRtree.Sentence(...).get_events(). Writes {record key: {"events": [[source, target, code]],
"note": why nothing was coded}}; keys as bench/petrdict_unit.py's record_key (ID, ID#2, ...).
An exception inside PETRARCH2 on one record is recorded as that record's note.
"""
from __future__ import print_function
from __future__ import unicode_literals

import io
import json
import sys
import xml.etree.ElementTree as ET


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    petr2, ref, out = sys.argv[1:]
    sys.path.insert(0, petr2)
    import PETRreader
    import PETRtree
    import utilities
    from petrarch2 import check_discards

    PETRreader.read_verb_dictionary(ref + '/PETR.Validate.verbs.txt')
    PETRreader.read_actor_dictionary(ref + '/PETR.Validate.actors.txt')
    PETRreader.read_agent_dictionary(ref + '/PETR.Validate.agents.txt')
    PETRreader.read_discard_list(ref + '/PETR.Validate.discards.txt')
    res, seen = {}, {}
    for s in ET.parse(ref + '/PETR.UnitTest.records.xml').getroot().iter('Sentence'):
        rid = s.get('id')
        seen[rid] = seen.get(rid, 0) + 1
        if seen[rid] > 1:
            rid = '%s#%d' % (rid, seen[rid])
        rec = res[rid] = {'events': [], 'note': ''}
        text = s.find('Text').text.replace('\n', ' ').replace('  ', ' ')
        parse = s.find('Parse')
        if parse is None or not (parse.text or '').strip():
            rec['note'] = 'no <Parse>'
            continue
        disc = check_discards(text)
        if disc[0] > 0:
            rec['note'] = 'discarded:' + disc[1]
            continue
        try:
            sentence = PETRtree.Sentence(utilities._format_parsed_str(parse.text), text,
                                         PETRreader.dstr_to_ordate(s.get('date')))
            events, _meta = sentence.get_events()
        except Exception as e:  # PETRARCH2's own loop would stop here; keep going and say why
            rec['note'] = 'exception in PETRARCH2: %r' % (e,)
            continue
        if events is None:
            rec['note'] = 'PETRARCH2 get_events: "Error in parsing"'
            continue
        rec['events'] = sorted(set(tuple(e) for e in events))
    with io.open(out, 'w', encoding='utf-8') as f:
        f.write(json.dumps(res, indent=1, sort_keys=True, ensure_ascii=False))
    print('records', len(res), 'with events', sum(1 for r in res.values() if r['events']),
          'not coded (note)', sum(1 for r in res.values() if r['note']), file=sys.stderr)


if __name__ == '__main__':
    main()
