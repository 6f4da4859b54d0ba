<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>escale::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="13" />
        <source>Escale</source>
        <translation>Escale</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22" />
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22" />
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22" />
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="22" />
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="41" />
        <source>Configuration: %1</source>
        <translation>Configuration : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="49" />
        <source>Escale cannot use the configuration %1:

%2</source>
        <translation>Escale ne peut pas utiliser la configuration %1 :

%2</translation>
    </message>
</context>
<context>
    <name>escale::ui::Notifier</name>
    <message>
        <location filename="../ui/Notifier.cpp" line="19" />
        <source>%1: sync failed</source>
        <translation>%1 : échec de la synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="26" />
        <source>%1 is in sync</source>
        <translation>%1 est synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="27" />
        <source>%1 is synchronised with %2.</source>
        <translation>%1 est synchronisé avec %2.</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="33" />
        <source>%1: conflicting changes</source>
        <translation>%1 : modifications en conflit</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Notifier.cpp" line="34" />
        <source>%n file(s) were changed on two machines at once; both versions are kept. Resolve them in the activity window or with 'escalectl conflicts'.</source>
        <translation><numerusform>%n fichier a été modifié sur deux machines à la fois ; les deux versions sont gardées. Résolvez le conflit dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform><numerusform>%n fichiers ont été modifiés sur deux machines à la fois ; les deux versions sont gardées. Résolvez les conflits dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="38" />
        <source>%1: the relay is full</source>
        <translation>%1 : le relais est plein</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="39" />
        <source>Uploads wait until the other machines take their copies (disk quota reached).</source>
        <translation>Les envois attendent que les autres machines aient pris leur copie (quota atteint).</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayIcon</name>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="74" />
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="79" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="82" />
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="83" />
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="87" />
        <source>Pause all</source>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="89" />
        <source>Resume all</source>
        <translation>Tout reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="92" />
        <source>Show Escale</source>
        <translation>Afficher Escale</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="93" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayModel</name>
    <message>
        <location filename="../ui/TrayModel.cpp" line="34" />
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="35" />
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="36" />
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="38" />
        <source>A relay cannot be reached</source>
        <translation>Un relais est injoignable</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="40" />
        <source>A repository needs attention</source>
        <translation>Un dépôt demande votre attention</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="42" />
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="75" />
        <source>%1: starting</source>
        <translation>%1 : démarrage</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="78" />
        <source>%1: syncing</source>
        <translation>%1 : synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="81" />
        <source>%1: up to date</source>
        <translation>%1 : à jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="81" />
        <source>%1: up to date (%2)</source>
        <translation>%1 : à jour (%2)</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="84" />
        <source>%1: paused</source>
        <translation>%1 : en pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="87" />
        <source>%1: relay unreachable, retrying</source>
        <translation>%1 : relais injoignable, nouvel essai bientôt</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="90" />
        <source>%1: error: %2</source>
        <translation>%1 : erreur : %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="93" />
        <source>%1: stopped: %2</source>
        <translation>%1 : arrêté : %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="97" />
        <source>, %n conflict(s) to resolve</source>
        <translation><numerusform>, %n conflit à résoudre</numerusform><numerusform>, %n conflits à résoudre</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="99" />
        <source>, %n change(s) to send</source>
        <translation><numerusform>, %n modification à envoyer</numerusform><numerusform>, %n modifications à envoyer</numerusform></translation>
    </message>
</context>
</TS>