<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ErrorReport</name>
    <message numerus="yes">
        <source>(and %n more error(s) since)</source>
        <translation>
            <numerusform>(and %n more error since)</numerusform>
            <numerusform>(and %n more errors since)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message numerus="yes">
        <source>To settle up, in %n payment(s):</source>
        <translation>
            <numerusform>To settle up, in %n payment:</numerusform>
            <numerusform>To settle up, in %n payments:</numerusform>
        </translation>
    </message>
</context>
</TS>
