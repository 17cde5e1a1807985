#!/usr/bin/env bash
# Remakes the LibreOffice exports of Tests/UsageImportTests/Fixtures (libreoffice-de.csv,
# libreoffice-fr.csv, libreoffice-windows-1252.csv): each is a small spreadsheet, written here as
# flat ODS with its cells' number and date formats in the export's locale, converted by
# LibreOffice Calc's own CSV filter exactly as a finance user's "Save as CSV" would:
#
#   soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):<filter options>'
#
# Filter options: field separator (ASCII code), text delimiter, character set (76 UTF-8,
# 1 Windows-1252), first line, column formats, language (1031 de-DE, 1036 fr-FR, 1033 en-US),
# quoted fields as text, detect special numbers, save cell contents as shown. The month cells
# are dates formatted with the locale's month names, and the credits numbers formatted with the
# locale's thousands mark, so the CSV holds what Calc shows. Needs soffice (LibreOffice Calc).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# sheet NAME LANGUAGE COUNTRY DATE-STYLE ROWS: a flat ODS of the rows (lines of text|text|date as
# YYYY-MM-DD|number), the date cells in DATE-STYLE and the numbers grouped.
sheet() {
    local name=$1 language=$2 country=$3 date_style=$4 rows=$5
    {
        cat <<HEAD
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="month" number:language="$language" number:country="$country">$date_style</number:date-style>
 <number:number-style style:name="credits" number:language="$language" number:country="$country">
  <number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
 </number:number-style>
 <style:style style:name="monthcell" style:family="table-cell" style:data-style-name="month"/>
 <style:style style:name="creditscell" style:family="table-cell" style:data-style-name="credits"/>
</office:automatic-styles>
<office:body><office:spreadsheet><table:table table:name="$name">
HEAD
        local first=1
        while IFS='|' read -r a b c d; do
            printf '<table:table-row>'
            printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$a"
            if [ -n "$b" ]; then
                printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$b"
            else
                printf '<table:table-cell/>'
            fi
            if [ "$first" = 1 ]; then
                printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$c" "$d"
            else
                if [ -n "$c" ]; then
                    printf '<table:table-cell table:style-name="monthcell" office:value-type="date" office:date-value="%s"/>' "$c"
                else
                    printf '<table:table-cell/>'
                fi
                if [ -n "$d" ]; then
                    printf '<table:table-cell table:style-name="creditscell" office:value-type="float" office:value="%s"/>' "$d"
                else
                    printf '<table:table-cell/>'
                fi
            fi
            printf '</table:table-row>\n'
            first=0
        done <<<"$rows"
        echo '</table:table></office:spreadsheet></office:body></office:document>'
    } >"$work/$name.fods"
}

# convert NAME OPTIONS: the sheet NAME as NAME.csv with the CSV filter's OPTIONS.
convert() {
    soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
        --convert-to "csv:Text - txt - csv (StarCalc):$2" --outdir "$work" "$work/$1.fods" >/dev/null
    cp "$work/$1.csv" "$1.csv"
}

long_month='<number:month number:style="long" number:textual="true"/><number:text> </number:text><number:year number:style="long"/>'
short_month='<number:month number:textual="true"/><number:text>-</number:text><number:year/>'

# German: semicolons, 1.234, März 2026; a Summe row that Calc computed.
sheet libreoffice-de de DE "$long_month" "$(printf '%s\n' \
    'Team|Benutzer|Monat|Credits' \
    'Vertrieb|Jürgen|2026-03-01|1218000' \
    'Vertrieb|Jürgen|2026-04-01|18000' \
    'Vertrieb|Änne|2026-04-01|2500' \
    'Summe|||1238500')"
convert libreoffice-de 59,34,76,1,,1031,false,true,true

# French: semicolons, 1 234 with Calc's no-break space, mars 2026, févr. 2026.
sheet libreoffice-fr fr FR "$long_month" "$(printf '%s\n' \
    'Équipe|Utilisateur|Mois|Crédits' \
    'Ventes|Hélène|2026-02-01|12500' \
    'Ventes|Hélène|2026-03-01|1234567' \
    'Ventes|François|2026-03-01|800')"
convert libreoffice-fr 59,34,76,1,,1036,false,true,true

# Windows-1252 with US English formats: commas, quoted 1,234, Mar-26.
sheet libreoffice-windows-1252 en US "$short_month" "$(printf '%s\n' \
    'Workspace|User|Month|Credits' \
    'Café|José|2026-03-01|1500' \
    'Café|José|2026-04-01|23456' \
    'Café|Zoë|2026-04-01|7')"
convert libreoffice-windows-1252 44,34,1,1,,1033,false,true,true
