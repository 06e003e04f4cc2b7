<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ListPage</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform><numerusform>%n records</numerusform></translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message numerus="yes">
        <source>Delete %n record(s) permanently? This cannot be undone: the records and their links are erased.</source>
        <translation>
            <numerusform>Delete %n record permanently? This cannot be undone: the record and its links are erased.</numerusform><numerusform>Delete %n records permanently? This cannot be undone: the records and their links are erased.</numerusform></translation>
    </message>
</context>
</TS>