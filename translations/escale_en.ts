<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
        <location filename="../ui/TrayModel.cpp" line="+97"/>
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
