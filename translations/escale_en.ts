<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>escale::ui::ActivityWindow</name>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="+199"/>
        <source>%1: %n file(s) deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</source>
        <translation>
            <numerusform>%1: %n file deleted here at once is not deleted on the other machines yet. If you meant it, delete it everywhere; if not (a disk unplugged, a folder moved), bring it back: the other machines keep theirs meanwhile.</numerusform>
            <numerusform>%1: %n files deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <location line="+1"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+138"/>
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
            <numerusform>has %n of this machine&apos;s change sets to take</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n of its change sets to apply here</numerusform>
            <numerusform>%n of its change sets to apply here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::Notifier</name>
    <message numerus="yes">
        <location filename="../ui/Notifier.cpp" line="+34"/>
        <source>%n file(s) were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</source>
        <translation>
            <numerusform>%n file was changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</numerusform>
            <numerusform>%n files were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayModel</name>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="+75"/>
        <source>%n file(s) left (%1)</source>
        <translation>
            <numerusform>%n file left (%1)</numerusform>
            <numerusform>%n files left (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>, %n conflict(s) to resolve</source>
        <translation>
            <numerusform>, %n conflict to resolve</numerusform>
            <numerusform>, %n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n change(s) to send</source>
        <translation>
            <numerusform>, %n change to send</numerusform>
            <numerusform>, %n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="120"/>
        <source>, %n file(s) waiting (see Activity)</source>
        <translation>
            <numerusform>, %n file waiting (see Activity)</numerusform>
            <numerusform>, %n files waiting (see Activity)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::ConnectionPage</name>
    <message numerus="yes">
        <location filename="../ui/SetupPages.cpp" line="+424"/>
        <source>Connected. A repository is here (%1, %n client(s)).</source>
        <translation>
            <numerusform>Connected. A repository is here (%1, %n client).</numerusform>
            <numerusform>Connected. A repository is here (%1, %n clients).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::RepositoryPage</name>
    <message numerus="yes">
        <location line="+108"/>
        <source>%n machine(s) sync it; their names are encrypted and show once the passphrase is checked.</source>
        <translation>
            <numerusform>%n machine syncs it; their names are encrypted and show once the passphrase is checked.</numerusform>
            <numerusform>%n machines sync it; their names are encrypted and show once the passphrase is checked.</numerusform>
        </translation>
    </message>
</context>
</TS>
