<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n follow-up(s) overdue</source>
        <translation>
            <numerusform>%n follow-up overdue</numerusform>
            <numerusform>%n follow-ups overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due today</source>
        <translation>
            <numerusform>%n due today</numerusform>
            <numerusform>%n due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in stage</source>
        <translation>
            <numerusform>%n day in stage</numerusform>
            <numerusform>%n days in stage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more…</source>
        <translation>
            <numerusform>%n more…</numerusform>
            <numerusform>%n more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stalled: %n introduction(s) without a stage change for %1 days</source>
        <translation>
            <numerusform>Stalled: %n introduction without a stage change for %1 days</numerusform>
            <numerusform>Stalled: %n introductions without a stage change for %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up(s) written to %1.</source>
        <translation>
            <numerusform>%n follow-up written to %1.</numerusform>
            <numerusform>%n follow-ups written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n record(s) to the trash</source>
        <translation>
            <numerusform>Moved %n record to the trash</numerusform>
            <numerusform>Moved %n records to the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n record(s) from the trash</source>
        <translation>
            <numerusform>Restored %n record from the trash</numerusform>
            <numerusform>Restored %n records from the trash</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s) permanently: this cannot be undone.</source>
        <translation>
            <numerusform>Deleted %n record permanently: this cannot be undone.</numerusform>
            <numerusform>Deleted %n records permanently: this cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed %n follow-up(s)</source>
        <translation>
            <numerusform>Completed %n follow-up</numerusform>
            <numerusform>Completed %n follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Snoozed %n follow-up(s) to %2</source>
        <translation>
            <numerusform>Snoozed %n follow-up to %2</numerusform>
            <numerusform>Snoozed %n follow-ups to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed %n record(s) at once</source>
        <translation>
            <numerusform>Changed %n record at once</numerusform>
            <numerusform>Changed %n records at once</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open follow-up(s)</source>
        <translation>
            <numerusform>%n open follow-up</numerusform>
            <numerusform>%n open follow-ups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkEditDialog</name>
    <message numerus="yes">
        <source>One change for the %n selected record(s). Records that already have it are left as they are; Undo takes the whole change back.</source>
        <translation>
            <numerusform>One change for the selected record. If it already has it, it is left as it is; Undo takes the change back.</numerusform>
            <numerusform>One change for the %n selected records. Records that already have it are left as they are; Undo takes the whole change back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n likely pair(s)</source>
        <translation>
            <numerusform>%n likely pair</numerusform>
            <numerusform>%n likely pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message numerus="yes">
        <source>%n invalid row(s): nothing was imported.</source>
        <translation>
            <numerusform>%n invalid row: nothing was imported.</numerusform>
            <numerusform>%n invalid rows: nothing was imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Only the %n selected row(s)</source>
        <translation>
            <numerusform>Only the selected row</numerusform>
            <numerusform>Only the %n selected rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n row written to %1.</numerusform>
            <numerusform>%n rows written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) left out without partner-sharing consent.</source>
        <translation>
            <numerusform>%n person left out without partner-sharing consent.</numerusform>
            <numerusform>%n people left out without partner-sharing consent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with a person withheld (left blank) for want of partner-sharing consent.</source>
        <translation>
            <numerusform>%n row with a person withheld (left blank) for want of partner-sharing consent.</numerusform>
            <numerusform>%n rows with a person withheld (left blank) for want of partner-sharing consent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportLogDialog</name>
    <message numerus="yes">
        <source>%n row(s) with a person withheld for want of consent</source>
        <translation>
            <numerusform>%n row with a person withheld for want of consent</numerusform>
            <numerusform>%n rows with a person withheld for want of consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) named by this file.</source>
        <translation>
            <numerusform>%n record named by this file.</numerusform>
            <numerusform>%n records named by this file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out without consent</source>
        <translation>
            <numerusform>%n left out without consent</numerusform>
            <numerusform>%n left out without consent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>Excel workbook (first sheet) · %n record(s)</source>
        <translation>
            <numerusform>Excel workbook (first sheet) · %n record</numerusform>
            <numerusform>Excel workbook (first sheet) · %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>vCards · %n card(s)</source>
        <translation>
            <numerusform>vCards · %n card</numerusform>
            <numerusform>vCards · %n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Encoding: %1 · delimiter: %2 · %n record(s)</source>
        <translation>
            <numerusform>Encoding: %1 · delimiter: %2 · %n record</numerusform>
            <numerusform>Encoding: %1 · delimiter: %2 · %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s): changed here since the export, left as they are.</source>
        <translation>
            <numerusform>%n conflict: changed here since the export, left as it is.</numerusform>
            <numerusform>%n conflicts: changed here since the export, left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new organization(s).</source>
        <translation>
            <numerusform>%n new organization.</numerusform>
            <numerusform>%n new organizations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) created</source>
        <translation>
            <numerusform>%n record created</numerusform>
            <numerusform>%n records created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left as it was</source>
        <translation>
            <numerusform>%n left as it was</numerusform>
            <numerusform>%n left as they were</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid row(s) left out.</source>
        <translation>
            <numerusform>%n invalid row left out.</numerusform>
            <numerusform>%n invalid rows left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message numerus="yes">
        <source>• %n follow-up(s), interaction(s) or participation(s) that were about this person alone;</source>
        <translation>
            <numerusform>• %n follow-up, interaction or participation that was about this person alone;</numerusform>
            <numerusform>• %n follow-ups, interactions or participations that were about this person alone;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• the link from %n introduction(s) and other record(s), which stay, this party shown as destroyed;</source>
        <translation>
            <numerusform>• the link from %n introduction or other record, which stays, this party shown as destroyed;</numerusform>
            <numerusform>• the link from %n introductions and other records, which stay, this party shown as destroyed;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) made since the record was created still hold this person; delete them or keep them out of restores:</source>
        <translation>
            <numerusform>%n backup made since the record was created still holds this person; delete it or keep it out of restores:</numerusform>
            <numerusform>%n backups made since the record was created still hold this person; delete them or keep them out of restores:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <source>Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.</source>
        <translation>
            <numerusform>Delete %n record permanently? This cannot be undone: the record and its links are erased.</numerusform>
            <numerusform>Delete %n records permanently? This cannot be undone: the records and their links are erased.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) made since then still hold them; delete them or keep them out of restores:</source>
        <translation>
            <numerusform>%n backup made since then still holds them; delete it or keep it out of restores:</numerusform>
            <numerusform>%n backups made since then still hold them; delete them or keep them out of restores:</numerusform>
        </translation>
    </message>
</context>
</TS>
