#!/usr/bin/env bash
# Made test/fixtures/minutes/cscg-2025-11-12.docx once, from the Markdown minutes beside it, with
# pandoc (Debian's package: apt-get install pandoc): a real Word document (headings, a numbered
# list, a table, bold runs) for the tests of reading .docx minutes through mammoth. The .docx is
# committed; run this again only to change it, and commit both.
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/minutes"
pandoc --from markdown --to docx --output cscg-2025-11-12.docx cscg-2025-11-12.md
