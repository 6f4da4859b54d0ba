<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../ui/wizard/PageHelpers.cpp" line="22"/>
        <source>Browse...</source>
        <translation>Parcourir…</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <location filename="../core/config/ConfigDiagnostic.cpp" line="12"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigDiagnostic.cpp" line="14"/>
        <source>%1: warning: %2</source>
        <translation>%1 : avertissement : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigDiagnostic.cpp" line="15"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="84"/>
        <source>Escale always records modification times and decides by content hashes</source>
        <translation>Escale enregistre toujours les dates de modification et décide d’après les hachages des contenus</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="88"/>
        <source>the relay format of Escale 1 replaces index pages (see docs/relay-format.md)</source>
        <translation>le format de relais d’Escale 1 remplace les pages d’index (voir docs/relay-format.md)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="92"/>
        <source>the relay format of Escale 1 replaces index pages; big files are split by &apos;chunk size&apos;</source>
        <translation>le format de relais d’Escale 1 remplace les pages d’index ; les gros fichiers sont découpés selon &apos;chunk size&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="96"/>
        <source>hashes are always cached in the state database</source>
        <translation>les hachages sont toujours gardés en cache dans la base d’état</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="98"/>
        <source>concurrent changes are always detected and both versions kept</source>
        <translation>les modifications concurrentes sont toujours détectées et les deux versions gardées</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="99"/>
        <source>use &apos;log level&apos;</source>
        <translation>utilisez &apos;log level&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="102"/>
        <source>index pages no longer exist; mass deletions wait for confirmation (&apos;delete threshold&apos;)</source>
        <translation>les pages d’index n’existent plus ; les suppressions en masse attendent une confirmation (&apos;delete threshold&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="105"/>
        <source>uploads and downloads run in parallel</source>
        <translation>les envois et les réceptions se font en parallèle</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="107"/>
        <source>uploads wait for relay space on their own</source>
        <translation>les envois attendent d’eux-mêmes de la place sur le relais</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="108"/>
        <source>use &apos;transfers&apos; and &apos;disk quota&apos;</source>
        <translation>utilisez &apos;transfers&apos; et &apos;disk quota&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="110"/>
        <source>errors are retried automatically, with back-off</source>
        <translation>ce qui échoue est retenté automatiquement, à intervalles croissants</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="111"/>
        <source>Escale 1 takes no locks on the relay</source>
        <translation>Escale 1 ne pose aucun verrou sur le relais</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="113"/>
        <source>repositories are retried automatically after errors</source>
        <translation>les dépôts sont relancés automatiquement après une erreur</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="116"/>
        <source>written by the Escale 0.7 wizard, never read</source>
        <translation>écrit par l’assistant d’Escale 0.7, jamais lu</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigKeys.cpp" line="122"/>
        <source>the &apos;drive&apos; tool is no longer supported: configure Google Drive as an rclone remote and use &apos;relay address = rclone://REMOTE/path&apos;</source>
        <translation>l’outil &apos;drive&apos; n’est plus pris en charge : configurez Google Drive comme remote rclone et utilisez &apos;relay address = rclone://REMOTE/path&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="142"/>
        <location filename="../core/config/ConfigLoader.cpp" line="168"/>
        <source>file &apos;%1&apos; not found</source>
        <translation>fichier &apos;%1&apos; introuvable</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="146"/>
        <source>&apos;%1&apos; is not a file</source>
        <translation>&apos;%1&apos; n’est pas un fichier</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="162"/>
        <source>&apos;%1&apos; can be read by other users: run &apos;chmod 600 %1&apos;</source>
        <translation>&apos;%1&apos; est lisible par d’autres utilisateurs : lancez &apos;chmod 600 %1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="172"/>
        <source>written in clear in the configuration: keep it in the keychain, or in a file readable only by you (&apos;%1 = /path/to/file&apos;)</source>
        <translation>écrit en clair dans la configuration : gardez ce secret dans le trousseau, ou dans un fichier lisible par vous seul (&apos;%1 = /path/to/file&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="185"/>
        <source>invalid regular expression &apos;%1&apos;: %2</source>
        <translation>expression régulière &apos;%1&apos; invalide : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="201"/>
        <source>unknown key, ignored (see docs/configuration.md)</source>
        <translation>clé inconnue, ignorée (voir docs/configuration.md)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="202"/>
        <source>unknown key, ignored; did you mean &apos;%1&apos;?</source>
        <translation>clé inconnue, ignorée ; vouliez-vous dire &apos;%1&apos; ?</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="207"/>
        <source>no longer used, ignored: %1</source>
        <translation>clé plus utilisée, ignorée : %1</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="214"/>
        <source>no longer supported: %1</source>
        <translation>clé plus prise en charge : %1</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="219"/>
        <source>a global setting: move it before the first section; ignored here</source>
        <translation>réglage général : placez-le avant la première section ; ignoré ici</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="224"/>
        <source>set twice in the same section (first as &apos;%1&apos; at line %2)</source>
        <translation>défini deux fois dans la même section (d’abord comme &apos;%1&apos; à la ligne %2)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="241"/>
        <source>expected a file path, got nothing</source>
        <translation>on attend un chemin de fichier, la valeur est vide</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="251"/>
        <source>expected debug, info, warning, error or critical, got &apos;%1&apos;</source>
        <translation>on attend debug, info, warning, error ou critical, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="265"/>
        <source>expected auto, en or fr, got &apos;%1&apos;</source>
        <translation>on attend auto, en ou fr, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="278"/>
        <source>must be at least 64KB, got &apos;%1&apos;</source>
        <translation>doit valoir au moins 64 Ko, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="329"/>
        <source>expected a SHA-256 fingerprint such as SHA256:base64... or 64 hex digits, got &apos;%1&apos;</source>
        <translation>on attend une empreinte SHA-256 telle que SHA256:base64... ou 64 chiffres hexadécimaux, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="338"/>
        <source>expected the folder to synchronise, got nothing</source>
        <translation>on attend le dossier à synchroniser, la valeur est vide</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="340"/>
        <source>expected an absolute folder path, got &apos;%1&apos;</source>
        <translation>on attend un chemin de dossier absolu, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="357"/>
        <source>expected a name for this machine, got nothing</source>
        <translation>on attend un nom pour cette machine, la valeur est vide</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="360"/>
        <source>contains a control character</source>
        <translation>contient un caractère de contrôle</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="377"/>
        <source>expected shared, upload, download or conservative, got &apos;%1&apos;</source>
        <translation>on attend shared, upload, download ou conservative, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="405"/>
        <source>Blowfish is insecure and no longer supported: use &apos;encryption = on&apos; (AES-256-GCM) or &apos;encryption = chacha20-poly1305&apos;</source>
        <translation>Blowfish n’est pas sûr et n’est plus pris en charge : utilisez &apos;encryption = on&apos; (AES-256-GCM) ou &apos;encryption = chacha20-poly1305&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="408"/>
        <source>Fernet (Escale 0.7) is replaced by &apos;encryption = on&apos; (AES-256-GCM with a key derived from the passphrase)</source>
        <translation>Fernet (Escale 0.7) est remplacé par &apos;encryption = on&apos; (AES-256-GCM avec une clé dérivée de la phrase secrète)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="412"/>
        <source>encryption by the storage service is no longer supported: use &apos;encryption = on&apos;</source>
        <translation>le chiffrement par le service de stockage n’est plus pris en charge : utilisez &apos;encryption = on&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="416"/>
        <source>expected on, off, aes-256-gcm or chacha20-poly1305, got &apos;%1&apos;</source>
        <translation>on attend on, off, aes-256-gcm ou chacha20-poly1305, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="434"/>
        <source>must be more than zero (remove the key for no quota)</source>
        <translation>doit être supérieur à zéro (retirez la clé pour n’avoir aucun quota)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="445"/>
        <source>expected a period from 0 (off) to 1 day, got &apos;%1&apos;</source>
        <translation>on attend une durée de 0 (désactivé) à 1 jour, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="453"/>
        <source>polling cannot be turned off; give a period such as 30 (seconds)</source>
        <translation>l’interrogation périodique ne peut pas être désactivée ; donnez une période telle que 30 (secondes)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="461"/>
        <source>expected a period from 1 second to 1 day, got &apos;%1&apos;</source>
        <translation>on attend une durée de 1 seconde à 1 jour, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="478"/>
        <source>expected at least one hour, got &apos;%1&apos;</source>
        <translation>on attend au moins une heure, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="487"/>
        <source>expected a size from 1MB to 1GB, got &apos;%1&apos;</source>
        <translation>on attend une taille de 1 Mo à 1 Go, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="499"/>
        <source>expected a share such as 50% or a number of files such as 200, got &apos;%1&apos;</source>
        <translation>on attend une part telle que 50% ou un nombre de fichiers tel que 200, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="524"/>
        <source>expected extensions such as &apos;txt, .odt&apos;, got &apos;%1&apos;</source>
        <translation>on attend des extensions telles que &apos;txt, .odt&apos;, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="539"/>
        <source>Escale always checks contents with SHA-256; &apos;%1&apos; has no effect</source>
        <translation>Escale vérifie toujours les contenus avec SHA-256 ; &apos;%1&apos; est sans effet</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="561"/>
        <source>&apos;%1&apos; is no longer secure and not supported: remove the key (TLS 1.2 or newer is used) or write TLSv1.3</source>
        <translation>&apos;%1&apos; n’est plus sûr ni pris en charge : retirez la clé (TLS 1.2 ou plus récent est utilisé) ou écrivez TLSv1.3</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="566"/>
        <source>expected TLSv1.2 or TLSv1.3, got &apos;%1&apos;</source>
        <translation>on attend TLSv1.2 ou TLSv1.3, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="599"/>
        <source>expected from 1 second to 1 hour, got &apos;%1&apos;</source>
        <translation>on attend de 1 seconde à 1 heure, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="611"/>
        <source>expected auto, path or virtual, got &apos;%1&apos;</source>
        <translation>on attend auto, path ou virtual, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="628"/>
        <source>expected a folder path, got nothing</source>
        <translation>on attend un chemin de dossier, la valeur est vide</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="644"/>
        <source>expected a period from 0 (at once) to 1 week, got &apos;%1&apos;</source>
        <translation>on attend une durée de 0 (tout de suite) à 1 semaine, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="678"/>
        <source>[%1]: missing &apos;local path&apos; (the folder to synchronise)</source>
        <translation>[%1] : &apos;local path&apos; manque (le dossier à synchroniser)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="695"/>
        <source>[%1]: missing &apos;relay address&apos; (a URL such as webdavs://host/path, or a folder such as /mnt/relay)</source>
        <translation>[%1] : &apos;relay address&apos; manque (une URL telle que webdavs://host/path, ou un dossier tel que /mnt/relay)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="712"/>
        <source>&apos;%1&apos; differs from the user &apos;%2&apos; in the relay address</source>
        <translation>&apos;%1&apos; diffère de l’utilisateur &apos;%2&apos; de l’adresse du relais</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="726"/>
        <source>&apos;push only&apos; and &apos;pull only&apos; cannot both be on</source>
        <translation>&apos;push only&apos; et &apos;pull only&apos; ne peuvent pas être activés tous les deux</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="732"/>
        <source>contradicts &apos;mode = %1&apos;</source>
        <translation>contredit &apos;mode = %1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="740"/>
        <source>a private key needs its &apos;certificate&apos;</source>
        <translation>une clé privée a besoin de son &apos;certificate&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="743"/>
        <source>not used by this relay (neither SSH nor TLS): ignored</source>
        <translation>inutilisée par ce relais (ni SSH ni TLS) : ignorée</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="747"/>
        <source>certificates are not checked: anyone on the network path can read and change the traffic; pin the certificate instead (&apos;escalectl trust %1&apos;)</source>
        <translation>les certificats ne sont pas vérifiés : n’importe qui sur le chemin réseau peut lire et modifier les échanges ; épinglez plutôt le certificat (&apos;escalectl trust %1&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="786"/>
        <source>no repository: add a section such as [documents] with &apos;local path&apos; and &apos;relay address&apos; (see docs/configuration.md)</source>
        <translation>aucun dépôt : ajoutez une section telle que [documents] avec &apos;local path&apos; et &apos;relay address&apos; (voir docs/configuration.md)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="804"/>
        <source>[%1]: its folder %2 overlaps the folder %3 of [%4] (line %5); two repositories cannot share files</source>
        <translation>[%1] : son dossier %2 chevauche le dossier %3 de [%4] (ligne %5) ; deux dépôts ne peuvent pas partager de fichiers</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="813"/>
        <source>[%1]: the relay folder %2 overlaps the synchronised folder %3; put the relay elsewhere</source>
        <translation>[%1] : le dossier relais %2 chevauche le dossier synchronisé %3 ; placez le relais ailleurs</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="853"/>
        <source>the file is empty: add a section such as [documents] with &apos;local path&apos; and &apos;relay address&apos; (see docs/configuration.md)</source>
        <translation>le fichier est vide : ajoutez une section telle que [documents] avec &apos;local path&apos; et &apos;relay address&apos; (voir docs/configuration.md)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="885"/>
        <source>no such file</source>
        <translation>fichier inexistant</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="887"/>
        <source>is a folder, not a configuration file</source>
        <translation>est un dossier, pas un fichier de configuration</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="890"/>
        <location filename="../core/config/ConfigLoader.cpp" line="895"/>
        <source>cannot read: %1</source>
        <translation>lecture impossible : %1</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigLoader.cpp" line="892"/>
        <source>too large for a configuration file (%1 bytes)</source>
        <translation>trop gros pour un fichier de configuration (%1 octets)</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigWriter.cpp" line="47"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigWriter.cpp" line="58"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigWriter.cpp" line="99"/>
        <location filename="../core/config/ConfigWriter.cpp" line="196"/>
        <source>%1 has no section [%2]</source>
        <translation>%1 n’a pas de section [%2]</translation>
    </message>
    <message>
        <location filename="../core/config/ConfigWriter.cpp" line="166"/>
        <source>cannot check the new settings beside %1</source>
        <translation>impossible de vérifier les nouveaux réglages à côté de %1</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="82"/>
        <source>this line is not valid UTF-8 text; save the file as UTF-8</source>
        <translation>cette ligne n’est pas du texte UTF-8 valide ; enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="87"/>
        <source>this line contains a NUL byte; is this really a text file?</source>
        <translation>cette ligne contient un octet NUL ; est-ce vraiment un fichier texte ?</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="109"/>
        <source>section header &apos;%1&apos; has no closing &apos;]&apos;</source>
        <translation>l’en-tête de section &apos;%1&apos; n’a pas de &apos;]&apos; fermant</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="114"/>
        <source>empty section name &apos;[]&apos;</source>
        <translation>nom de section vide &apos;[]&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="126"/>
        <source>duplicate section [%1] (first at line %2)</source>
        <translation>section [%1] en double (d’abord à la ligne %2)</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="145"/>
        <source>expected &apos;key = value&apos; or &apos;[section]&apos;, got &apos;%1&apos;</source>
        <translation>on attend &apos;clé = valeur&apos; ou &apos;[section]&apos;, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="152"/>
        <source>a value without a key: &apos;%1&apos;</source>
        <translation>une valeur sans clé : &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/IniDocument.cpp" line="158"/>
        <source>set twice in the same section (first at line %1)</source>
        <translation>défini deux fois dans la même section (d’abord à la ligne %1)</translation>
    </message>
    <message>
        <location filename="../core/config/Keychain.cpp" line="27"/>
        <source>no keychain here (no D-Bus session)</source>
        <translation>pas de trousseau ici (pas de session D-Bus)</translation>
    </message>
    <message>
        <location filename="../core/config/Keychain.cpp" line="45"/>
        <location filename="../core/config/Keychain.cpp" line="88"/>
        <source>the keychain did not answer within %1 s (is it locked?)</source>
        <translation>le trousseau n’a pas répondu en %1 s (est-il verrouillé ?)</translation>
    </message>
    <message>
        <location filename="../core/config/Keychain.cpp" line="53"/>
        <source>the keychain refused it: %1</source>
        <translation>le trousseau a refusé : %1</translation>
    </message>
    <message>
        <location filename="../core/config/Paths.cpp" line="40"/>
        <source> (Escale runs as a systemd service, whose sandbox lets it write only in its home and in the folders its drop-in names: run &apos;escalectl service-paths&apos; and install what it prints, see docs/server.md)</source>
        <translation> (Escale tourne comme service systemd, dont le bac à sable ne le laisse écrire que dans son dossier personnel et dans les dossiers que nomme son drop-in : lancez &apos;escalectl service-paths&apos; et installez ce qu’il affiche, voir docs/server.md)</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="162"/>
        <source>&apos;protocol = %1&apos; overrides the &apos;%2://&apos; of the relay address</source>
        <translation>&apos;protocol = %1&apos; l’emporte sur le &apos;%2://&apos; de l’adresse du relais</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="172"/>
        <source>no relay address: set &apos;relay address&apos; to a URL such as webdavs://host/path or to a folder such as /mnt/relay</source>
        <translation>pas d’adresse de relais : donnez à &apos;relay address&apos; une URL telle que webdavs://host/path ou un dossier tel que /mnt/relay</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="176"/>
        <source>&apos;%1&apos; names no protocol: write a URL such as webdavs://%1/path, or set &apos;protocol&apos;</source>
        <translation>&apos;%1&apos; ne nomme aucun protocole : écrivez une URL telle que webdavs://%1/path, ou réglez &apos;protocol&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="184"/>
        <source>the &apos;%1&apos; protocol (the &apos;drive&apos; tool) is no longer supported: configure Google Drive as an rclone remote and use rclone://REMOTE/path</source>
        <translation>le protocole &apos;%1&apos; (l’outil &apos;drive&apos;) n’est plus pris en charge : configurez Google Drive comme remote rclone et utilisez rclone://REMOTE/path</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="191"/>
        <source>unknown protocol &apos;%1&apos; (use file, webdav, webdavs, http, https, s3, ftp, ftps, sftp or rclone)</source>
        <translation>protocole &apos;%1&apos; inconnu (utilisez file, webdav, webdavs, http, https, s3, ftp, ftps, sftp ou rclone)</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="207"/>
        <source>&apos;%1&apos;: a folder relay is written file:///absolute/path</source>
        <translation>&apos;%1&apos; : un relais dossier s’écrit file:///absolute/path</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="214"/>
        <source>a folder relay needs an absolute path, got &apos;%1&apos;</source>
        <translation>un relais dossier a besoin d’un chemin absolu, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="218"/>
        <source>&apos;port&apos; has no meaning for a folder relay and is ignored</source>
        <translation>&apos;port&apos; n’a pas de sens pour un relais dossier et est ignoré</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="239"/>
        <source>an rclone relay needs a remote name: rclone://REMOTE/path</source>
        <translation>un relais rclone a besoin d’un nom de remote : rclone://REMOTE/path</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="246"/>
        <source>&apos;%1&apos; is reached through rclone: write &apos;relay address = %2&apos; instead</source>
        <translation>&apos;%1&apos; passe par rclone : écrivez plutôt &apos;relay address = %2&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="271"/>
        <source>&apos;%1&apos;: unclosed &apos;[&apos; in the host</source>
        <translation>&apos;%1&apos; : &apos;[&apos; non fermé dans l’hôte</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="279"/>
        <source>&apos;%1&apos;: unexpected &apos;%2&apos; after the host</source>
        <translation>&apos;%1&apos; : &apos;%2&apos; inattendu après l’hôte</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="287"/>
        <source>&apos;%1&apos; has no host name</source>
        <translation>&apos;%1&apos; n’a pas de nom d’hôte</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="292"/>
        <source>&apos;%1&apos; is not a valid host name</source>
        <translation>&apos;%1&apos; n’est pas un nom d’hôte valide</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="301"/>
        <source>invalid port &apos;%1&apos; (expected 1 to 65535)</source>
        <translation>port &apos;%1&apos; invalide (on attend 1 à 65535)</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="314"/>
        <source>&apos;port = %1&apos; differs from the port %2 in the relay address</source>
        <translation>&apos;port = %1&apos; diffère du port %2 de l’adresse du relais</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="331"/>
        <source>an S3 relay needs a bucket: s3://host[:port]/bucket/prefix</source>
        <translation>un relais S3 a besoin d’un bucket : s3://host[:port]/bucket/prefix</translation>
    </message>
    <message>
        <location filename="../core/config/RelayAddress.cpp" line="338"/>
        <source>the relay address contains a password: keep it in the keychain or in a secret file (&apos;password = /path/to/file&apos;) instead</source>
        <translation>l’adresse du relais contient un mot de passe : gardez-le plutôt dans le trousseau ou dans un fichier secret (&apos;password = /path/to/file&apos;)</translation>
    </message>
    <message>
        <location filename="../core/config/Secrets.cpp" line="21"/>
        <source>cannot read the %1 file %2: %3</source>
        <translation>impossible de lire le fichier %2 (%1) : %3</translation>
    </message>
    <message>
        <location filename="../core/config/Secrets.cpp" line="30"/>
        <source>the %1 file %2 is empty</source>
        <translation>le fichier %2 (%1) est vide</translation>
    </message>
    <message>
        <location filename="../core/config/Secrets.cpp" line="47"/>
        <source>no %1: keep it in the keychain (as &apos;%2&apos;), set &apos;%1 = /path/to/file&apos; (a file readable only by you) in the configuration, or %3 in the environment</source>
        <translation>&apos;%1&apos; manquant : gardez ce secret dans le trousseau (sous &apos;%2&apos;), écrivez &apos;%1 = /path/to/file&apos; (un fichier lisible par vous seul) dans la configuration, ou définissez %3 dans l’environnement</translation>
    </message>
    <message>
        <location filename="../core/config/Secrets.cpp" line="50"/>
        <source>no %1: keep it in the keychain (as &apos;%2&apos;), set &apos;%1 = /path/to/file&apos; (a file readable only by you) in the configuration, or %3 in the environment (keychain: %4)</source>
        <translation>&apos;%1&apos; manquant : gardez ce secret dans le trousseau (sous &apos;%2&apos;), écrivez &apos;%1 = /path/to/file&apos; (un fichier lisible par vous seul) dans la configuration, ou définissez %3 dans l’environnement (trousseau : %4)</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="88"/>
        <source>expected a size such as 2GB, got &apos;%1&apos;</source>
        <translation>on attend une taille telle que 2GB, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="94"/>
        <source>unknown unit &apos;%1&apos; in &apos;%2&apos; (use B, KB, MB, GB, TB or PB)</source>
        <translation>unité &apos;%1&apos; inconnue dans &apos;%2&apos; (utilisez B, KB, MB, GB, TB ou PB)</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="99"/>
        <location filename="../core/config/Units.cpp" line="136"/>
        <source>&apos;%1&apos; is too large</source>
        <translation>&apos;%1&apos; est trop grand</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="109"/>
        <source>expected a duration such as 30s, 10m, 2h or 7d, got &apos;%1&apos;</source>
        <translation>on attend une durée telle que 30s, 10m, 2h ou 7d, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="131"/>
        <source>unknown unit &apos;%1&apos; in &apos;%2&apos; (use s, m, h, d or w)</source>
        <translation>unité &apos;%1&apos; inconnue dans &apos;%2&apos; (utilisez s, m, h, d ou w)</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="158"/>
        <source>expected yes or no, got &apos;%1&apos;</source>
        <translation>on attend yes ou no, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="167"/>
        <source>expected a whole number, got &apos;%1&apos;</source>
        <translation>on attend un nombre entier, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="171"/>
        <source>expected a number from %1 to %2, got %3</source>
        <translation>on attend un nombre de %1 à %2, pas %3</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="184"/>
        <source>expected e-mail addresses such as admin@example.org, separated by commas, got &apos;%1&apos;</source>
        <translation>on attend des adresses e-mail telles que admin@example.org, séparées par des virgules, pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="247"/>
        <source>%1 B</source>
        <translation>%L1 o</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="247"/>
        <source>%1 KiB</source>
        <translation>%L1 Kio</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="248"/>
        <source>%1 MiB</source>
        <translation>%L1 Mio</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="248"/>
        <source>%1 GiB</source>
        <translation>%L1 Gio</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="249"/>
        <source>%1 TiB</source>
        <translation>%L1 Tio</translation>
    </message>
    <message>
        <location filename="../core/config/Units.cpp" line="249"/>
        <source>%1 PiB</source>
        <translation>%L1 Pio</translation>
    </message>
</context>
<context>
    <name>control</name>
    <message>
        <location filename="../core/control/Alerts.cpp" line="27"/>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="27"/>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="30"/>
        <source>%1 hours</source>
        <translation>%1 heures</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="31"/>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="71"/>
        <source>Folder: %1
Relay:  %2
</source>
        <translation>Dossier : %1
Relais :  %2
</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="73"/>
        <source>
-- 
Sent by Escale on %1 because &apos;maintainer&apos; names you in [%2] of %3.
</source>
        <translation>
-- 
Envoyé par Escale sur %1 parce que &apos;maintainer&apos; vous désigne dans [%2] de %3.
</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="74"/>
        <source>its configuration</source>
        <translation>sa configuration</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="82"/>
        <source>Escale on %1: &apos;%2&apos; works again</source>
        <translation>Escale sur %1 : &apos;%2&apos; fonctionne de nouveau</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="83"/>
        <source>The repository &apos;%1&apos; works again: a pass succeeded at %2.

%3%4</source>
        <translation>Le dépôt &apos;%1&apos; fonctionne de nouveau : une synchronisation a réussi le %2.

%3%4</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="98"/>
        <source>Escale on %1: &apos;%2&apos; has stopped</source>
        <translation>Escale sur %1 : &apos;%2&apos; s’est arrêté</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="99"/>
        <source>Escale on %1: &apos;%2&apos; is failing</source>
        <translation>Escale sur %1 : &apos;%2&apos; échoue</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="100"/>
        <source>Escale on %1: &apos;%2&apos; has failed for %3</source>
        <translation>Escale sur %1 : &apos;%2&apos; échoue depuis %3</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="103"/>
        <source>The repository &apos;%1&apos; has stopped: it waits for you, nothing is synchronised until the cause is fixed and Escale restarted (systemctl restart escale@USER or escale, or quit and start the desktop application).</source>
        <translation>Le dépôt &apos;%1&apos; s’est arrêté : il vous attend, rien n’est synchronisé tant que la cause n’est pas corrigée et Escale relancé (systemctl restart escale@USER ou escale, ou quittez puis relancez l’application de bureau).</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="107"/>
        <source>The repository &apos;%1&apos; has failed since %2 (%3). Escale keeps retrying on its own; nothing is lost meanwhile, changes wait on each side.</source>
        <translation>Le dépôt &apos;%1&apos; échoue depuis le %2 (%3). Escale réessaie de lui-même ; rien n’est perdu entre-temps, les modifications attendent de chaque côté.</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="110"/>
        <source>%1

Error: %2

%3Last successful sync: %4

&apos;escalectl status&apos; and the log say more. You get one e-mail when it works again, and at most one alert an hour for this repository.
%5</source>
        <translation>%1

Erreur : %2

%3Dernière synchronisation réussie : %4

&apos;escalectl status&apos; et le journal en disent plus. Vous recevrez un e-mail quand il fonctionnera de nouveau, et au plus une alerte par heure pour ce dépôt.
%5</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="113"/>
        <source>(none given)</source>
        <translation>(aucune indiquée)</translation>
    </message>
    <message>
        <location filename="../core/control/Alerts.cpp" line="115"/>
        <source>none since Escale started</source>
        <translation>aucune depuis le démarrage d’Escale</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="102"/>
        <source>not a JSON object: %1</source>
        <translation>pas un objet JSON : %1</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="128"/>
        <source>another Escale runs with this configuration (its control socket is %1)</source>
        <translation>un autre Escale tourne avec cette configuration (sa socket de contrôle est %1)</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="134"/>
        <source>cannot open the control socket %1: %2</source>
        <translation>impossible d’ouvrir la socket de contrôle %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="150"/>
        <source>no running Escale uses this configuration (nothing listens on %1): start it with &apos;escale&apos; or &apos;escale --no-gui&apos;</source>
        <translation>aucun Escale en marche n’utilise cette configuration (rien n’écoute sur %1) : lancez-le avec &apos;escale&apos; ou &apos;escale --no-gui&apos;</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="158"/>
        <source>the running Escale did not answer (%1)</source>
        <translation>l’Escale en marche n’a pas répondu (%1)</translation>
    </message>
    <message>
        <location filename="../core/control/ControlChannel.cpp" line="163"/>
        <source>the running Escale answered something that is not JSON</source>
        <translation>l’Escale en marche a répondu autre chose que du JSON</translation>
    </message>
    <message>
        <location filename="../core/control/Instance.cpp" line="354"/>
        <source>no repository &apos;%1&apos; runs here</source>
        <translation>aucun dépôt &apos;%1&apos; ne tourne ici</translation>
    </message>
    <message>
        <location filename="../core/control/Instance.cpp" line="458"/>
        <source>unknown command &apos;%1&apos; (known: status, pause, resume, sync, confirm-deletions, stop, show)</source>
        <translation>commande &apos;%1&apos; inconnue (connues : status, pause, resume, sync, confirm-deletions, stop, show)</translation>
    </message>
    <message>
        <location filename="../core/control/Instance.cpp" line="470"/>
        <source>&apos;until&apos; must be a date and time to come (ISO 8601, such as 2026-12-24T08:00:00Z), not &apos;%1&apos;</source>
        <translation>&apos;until&apos; doit être une date et une heure à venir (ISO 8601, telle que 2026-12-24T08:00:00Z), pas &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/control/Instance.cpp" line="483"/>
        <source>&apos;%1&apos; is paused: resume it first</source>
        <translation>&apos;%1&apos; est suspendu : reprenez-le d’abord</translation>
    </message>
    <message>
        <location filename="../core/control/Instance.cpp" line="484"/>
        <source>&apos;%1&apos; has stopped: see its last error, then restart Escale</source>
        <translation>&apos;%1&apos; s’est arrêté : voyez sa dernière erreur, puis redémarrez Escale</translation>
    </message>
</context>
<context>
    <name>crypto</name>
    <message>
        <location filename="../core/crypto/Crypto.cpp" line="102"/>
        <source>%1 is not available in this OpenSSL</source>
        <translation>%1 n’est pas disponible dans cet OpenSSL</translation>
    </message>
    <message>
        <location filename="../core/crypto/Crypto.cpp" line="108"/>
        <source>%1 refused its parameters, or memory is short</source>
        <translation>%1 a refusé ses paramètres, ou la mémoire manque</translation>
    </message>
    <message>
        <location filename="../core/crypto/Crypto.cpp" line="205"/>
        <source>Argon2id needs OpenSSL 3.2 or later; this build has %1</source>
        <translation>Argon2id demande OpenSSL 3.2 ou plus récent ; cette version d’Escale est construite avec %1</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="34"/>
        <source>not an Escale encrypted object</source>
        <translation>ce n’est pas un objet chiffré d’Escale</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="36"/>
        <source>encrypted with another suite than the repository&apos;s</source>
        <translation>chiffré avec une autre suite que celle du dépôt</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="107"/>
        <source>the source ended before its announced size</source>
        <translation>la source s’est terminée avant la taille annoncée</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="162"/>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="324"/>
        <source>the object is cut short</source>
        <translation>l’objet est tronqué</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="170"/>
        <source>the object&apos;s length does not match its content</source>
        <translation>la longueur de l’objet ne correspond pas à son contenu</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="234"/>
        <source>it failed authentication (altered, moved, or encrypted with another key)</source>
        <translation>il n’a pas passé l’authentification (modifié, déplacé, ou chiffré avec une autre clé)</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="236"/>
        <source>segment %1 failed authentication (altered, reordered, moved or cut short)</source>
        <translation>le segment %1 n’a pas passé l’authentification (modifié, réordonné, déplacé ou tronqué)</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="244"/>
        <source>the first segment is too short</source>
        <translation>le premier segment est trop court</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="249"/>
        <source>the object announces an impossible length</source>
        <translation>l’objet annonce une longueur impossible</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="261"/>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="381"/>
        <source>cannot write the decrypted bytes: %1</source>
        <translation>impossible d’écrire les octets déchiffrés : %1</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="266"/>
        <source>the padding is not empty</source>
        <translation>le bourrage n’est pas vide</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="271"/>
        <source>the object is longer than it announces</source>
        <translation>l’objet est plus long qu’il ne l’annonce</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="310"/>
        <source>an impossible part</source>
        <translation>une partie impossible</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="332"/>
        <source>the object ends before the part asked for</source>
        <translation>l’objet se termine avant la partie demandée</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="364"/>
        <source>segment %1 failed authentication (altered, moved or cut short)</source>
        <translation>le segment %1 n’a pas passé l’authentification (modifié, déplacé ou tronqué)</translation>
    </message>
    <message>
        <location filename="../core/crypto/EncryptedCodec.cpp" line="372"/>
        <source>the part runs past the object&apos;s end</source>
        <translation>la partie dépasse la fin de l’objet</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="52"/>
        <source>the repository header has an invalid key salt</source>
        <translation>l’en-tête du dépôt a un sel de clé invalide</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="63"/>
        <source>the repository header asks for scrypt parameters out of bounds</source>
        <translation>l’en-tête du dépôt demande des paramètres scrypt hors limites</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="72"/>
        <source>the repository header asks for Argon2id parameters out of bounds</source>
        <translation>l’en-tête du dépôt demande des paramètres Argon2id hors limites</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="76"/>
        <source>this repository&apos;s key is derived with Argon2id, which needs Escale built with OpenSSL 3.2 or later</source>
        <translation>la clé de ce dépôt est dérivée avec Argon2id, qui demande un Escale construit avec OpenSSL 3.2 ou plus récent</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="82"/>
        <source>the repository header names an unknown key derivation &apos;%1&apos;</source>
        <translation>l’en-tête du dépôt nomme une dérivation de clé inconnue &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="97"/>
        <source>OpenSSL cannot encrypt with %1 here (check its configuration)</source>
        <translation>OpenSSL ne peut pas chiffrer avec %1 ici (vérifiez sa configuration)</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="112"/>
        <source>the passphrase is empty</source>
        <translation>la phrase secrète est vide</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="138"/>
        <source>the repository is encrypted with &apos;%1&apos;, which this Escale does not know: update it</source>
        <translation>le dépôt est chiffré avec &apos;%1&apos;, que cette version d’Escale ne connaît pas : mettez Escale à jour</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="143"/>
        <source>the repository header&apos;s key is damaged</source>
        <translation>la clé de l’en-tête du dépôt est endommagée</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="153"/>
        <source>wrong passphrase</source>
        <translation>phrase secrète erronée</translation>
    </message>
    <message>
        <location filename="../core/crypto/RepositoryKeys.cpp" line="166"/>
        <source>the new passphrase is empty</source>
        <translation>la nouvelle phrase secrète est vide</translation>
    </message>
</context>
<context>
    <name>escale::ui::AboutBox</name>
    <message>
        <location filename="../ui/AboutBox.cpp" line="19"/>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <location filename="../ui/AboutBox.cpp" line="26"/>
        <source>&lt;h3&gt;Escale %1&lt;/h3&gt;&lt;p&gt;Keeps folders in sync between machines that cannot reach each other, through a relay storage they share, end-to-end encrypted.&lt;/p&gt;&lt;p&gt;Free software under the CeCILL-C licence.&lt;/p&gt;&lt;p&gt;Configuration: %2&lt;br&gt;State: %3&lt;br&gt;Log: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Escale %1&lt;/h3&gt;&lt;p&gt;Garde des dossiers synchronisés entre des machines qui ne peuvent pas se joindre, par un stockage relais qu’elles partagent, chiffré de bout en bout.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence CeCILL-C.&lt;/p&gt;&lt;p&gt;Configuration : %2&lt;br&gt;État : %3&lt;br&gt;Journal : %4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>escale::ui::AccessDialog</name>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="21"/>
        <source>What syncs</source>
        <translation>Ce qui se synchronise</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="24"/>
        <source>Repository:</source>
        <translation>Dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="32"/>
        <source>Untick &quot;Send&quot; to keep a file or folder on this machine only; untick &quot;Receive&quot; to stop taking the other machines&apos; changes to it. A folder&apos;s choice holds for everything in it unless set again below; inherited values are in italics.</source>
        <translation>Décochez « Envoyer » pour garder un fichier ou un dossier sur cette machine seulement ; décochez « Recevoir » pour ne plus prendre les modifications des autres machines. Le choix fait sur un dossier vaut pour tout son contenu, sauf choix différent plus bas ; les valeurs héritées sont en italique.</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="44"/>
        <source>Inherit from the folder above</source>
        <translation>Hériter du dossier parent</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="80"/>
        <source>The state of &apos;%1&apos; cannot be opened: %2</source>
        <translation>L’état de « %1 » ne peut pas être ouvert : %2</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="96"/>
        <source>%1: applied now.</source>
        <translation>%1 : appliqué maintenant.</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="97"/>
        <source>%1: applied at the next sync (%2).</source>
        <translation>%1 : appliqué à la prochaine synchronisation (%2).</translation>
    </message>
    <message>
        <location filename="../ui/AccessDialog.cpp" line="101"/>
        <source>Folder: %1</source>
        <translation>Dossier : %1</translation>
    </message>
</context>
<context>
    <name>escale::ui::AccessTreeModel</name>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="200"/>
        <source>inherited</source>
        <translation>hérité</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="211"/>
        <source>Sent to the other machines</source>
        <translation>Envoyé aux autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="211"/>
        <source>Not sent to the other machines</source>
        <translation>Non envoyé aux autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="212"/>
        <source>Received from the other machines</source>
        <translation>Reçu des autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="213"/>
        <source>Not received from the other machines</source>
        <translation>Non reçu des autres machines</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="215"/>
        <source>%1 (set here)</source>
        <translation>%1 (choisi ici)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="216"/>
        <source>%1 (from the folder %2)</source>
        <translation>%1 (hérité du dossier %2)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="216"/>
        <source>%1 (the default)</source>
        <translation>%1 (par défaut)</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="239"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="241"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location filename="../ui/AccessTreeModel.cpp" line="243"/>
        <source>Receive</source>
        <translation>Recevoir</translation>
    </message>
</context>
<context>
    <name>escale::ui::ActivityWindow</name>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="56"/>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Relay space</source>
        <translation>Place sur le relais</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>To send</source>
        <translation>À envoyer</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="63"/>
        <source>To receive</source>
        <translation>À recevoir</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Speed</source>
        <translation>Débit</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="71"/>
        <source>Left</source>
        <translation>Reste</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="72"/>
        <source>Transfers</source>
        <translation>Transferts</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="75"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="81"/>
        <source>Recent changes</source>
        <translation>Modifications récentes</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="86"/>
        <source>A file changed on two machines at once keeps both versions: the one under its name and a conflict copy. Choose which to keep; what goes is kept in the folder&apos;s .escale-archive.</source>
        <translation>Un fichier modifié sur deux machines à la fois garde les deux versions : celle sous son nom et une copie de conflit. Choisissez laquelle garder ; celle qui part est conservée dans le .escale-archive du dossier.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>Other version from</source>
        <translation>Autre version de</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="93"/>
        <source>Its date</source>
        <translation>Sa date</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="99"/>
        <location filename="../ui/ActivityWindow.cpp" line="369"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="101"/>
        <location filename="../ui/ActivityWindow.cpp" line="370"/>
        <source>Keep theirs</source>
        <translation>Garder l’autre</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="103"/>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="105"/>
        <source>Show in folder</source>
        <translation>Afficher dans le dossier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="115"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="124"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="128"/>
        <source>Pending work</source>
        <translation>Travail en attente</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="129"/>
        <source>Other machines</source>
        <translation>Autres machines</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="147"/>
        <source>Nothing came or went yet.</source>
        <translation>Rien n’est encore arrivé ni parti.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="201"/>
        <source>%1: %n file(s) deleted here at once are not deleted on the other machines yet. If you meant it, delete them everywhere; if not (a disk unplugged, a folder moved), bring them back: the other machines keep theirs meanwhile.</source>
        <translation>
            <numerusform>%1 : %n fichier supprimé ici d’un coup n’est pas encore supprimé sur les autres machines. Si c’était voulu, supprimez-le partout ; sinon (un disque débranché, un dossier déplacé), remettez-le : les autres machines gardent le leur en attendant.</numerusform>
            <numerusform>%1 : %n fichiers supprimés ici d’un coup ne sont pas encore supprimés sur les autres machines. Si c’était voulu, supprimez-les partout ; sinon (un disque débranché, un dossier déplacé), remettez-les : les autres machines gardent les leurs en attendant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="209"/>
        <location filename="../ui/ActivityWindow.cpp" line="490"/>
        <source>Delete them everywhere</source>
        <translation>Les supprimer partout</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="215"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="235"/>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="238"/>
        <source>syncing</source>
        <translation>synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="241"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="242"/>
        <source>up to date (%1)</source>
        <translation>à jour (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="243"/>
        <source>up to date</source>
        <translation>à jour</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="246"/>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="249"/>
        <source>relay unreachable</source>
        <translation>relais injoignable</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="252"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="255"/>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="258"/>
        <source>not known yet</source>
        <translation>pas encore connue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="260"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 sur %2 (%3 %)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="271"/>
        <location filename="../ui/ActivityWindow.cpp" line="272"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n modification</numerusform>
            <numerusform>%n modifications</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="294"/>
        <source>(between files)</source>
        <translation>(entre deux fichiers)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="295"/>
        <source>↑ %1</source>
        <translation>↑ %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="295"/>
        <source>↓ %1</source>
        <translation>↓ %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="301"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="304"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ActivityWindow.cpp" line="306"/>
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n fichier, %1</numerusform>
            <numerusform>%n fichiers, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="310"/>
        <source>Nothing is being transferred.</source>
        <translation>Aucun transfert en cours.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="357"/>
        <source>No conflict: nothing to resolve.</source>
        <translation>Aucun conflit : rien à résoudre.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="394"/>
        <source>unknown machine</source>
        <translation>machine inconnue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="396"/>
        <source>Keep mine (%1)</source>
        <translation>Garder la mienne (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="397"/>
        <source>Keep theirs (%1)</source>
        <translation>Garder l’autre (%1)</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="399"/>
        <location filename="../ui/ActivityWindow.cpp" line="400"/>
        <source>Keep %1&apos;s</source>
        <translation>Garder celle de %1</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="500"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="504"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="513"/>
        <source>No problem: every repository syncs.</source>
        <translation>Aucun problème : chaque dépôt se synchronise.</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="528"/>
        <source>not seen yet</source>
        <translation>pas encore vue</translation>
    </message>
    <message>
        <location filename="../ui/ActivityWindow.cpp" line="535"/>
        <source>No other machine has joined yet.</source>
        <translation>Aucune autre machine n’a encore rejoint.</translation>
    </message>
</context>
<context>
    <name>escale::ui::ConflictView</name>
    <message>
        <location filename="../ui/ConflictView.cpp" line="63"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="88"/>
        <source>Choose a conflict above to see both versions.</source>
        <translation>Choisissez un conflit ci-dessus pour voir les deux versions.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="94"/>
        <source>Mine (this machine, %1)</source>
        <translation>La mienne (cette machine, %1)</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="95"/>
        <source>From a machine not known here</source>
        <translation>D’une machine inconnue ici</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="96"/>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="99"/>
        <source>Changed %1 · %2</source>
        <translation>Modifiée %1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="101"/>
        <source>Not there any more</source>
        <translation>N’est plus là</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="107"/>
        <source>under the file&apos;s name</source>
        <translation>sous le nom du fichier</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="108"/>
        <source>the conflict copy</source>
        <translation>la copie de conflit</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="114"/>
        <source>Not a small text file: open each version to compare them.</source>
        <translation>Pas un petit fichier texte : ouvrez chaque version pour les comparer.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="120"/>
        <source>Too long to compare here: open each version to compare them.</source>
        <translation>Trop long pour être comparé ici : ouvrez chaque version pour les comparer.</translation>
    </message>
    <message>
        <location filename="../ui/ConflictView.cpp" line="156"/>
        <source>The two versions have the same lines.</source>
        <translation>Les deux versions ont les mêmes lignes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ConflictView.cpp" line="157"/>
        <source>%n line(s) differ.</source>
        <translation>
            <numerusform>%n ligne diffère.</numerusform>
            <numerusform>%n lignes diffèrent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>escale::ui::DesktopNotifications</name>
    <message>
        <location filename="../ui/DesktopNotifications.cpp" line="52"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>escale::ui::LogViewer</name>
    <message>
        <location filename="../ui/LogViewer.cpp" line="31"/>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="38"/>
        <source>Everything, details included</source>
        <translation>Tout, détails compris</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="39"/>
        <source>Information, warnings and errors</source>
        <translation>Informations, avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="40"/>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="41"/>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="45"/>
        <source>Words to find</source>
        <translation>Mots à chercher</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="47"/>
        <source>Repository:</source>
        <translation>Dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="49"/>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="63"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="65"/>
        <source>Copies the lines shown, to paste them in a message or a bug report</source>
        <translation>Copie les lignes affichées, pour les coller dans un message ou un rapport de bogue</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="66"/>
        <source>Open the log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="141"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="175"/>
        <source>%1 cannot be read by you: check its permissions</source>
        <translation>%1 ne peut pas être lu par vous : vérifiez ses droits</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/LogViewer.cpp" line="176"/>
        <source>%1 — %n line(s) shown</source>
        <translation>
            <numerusform>%1 — %n ligne affichée</numerusform>
            <numerusform>%1 — %n lignes affichées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/LogViewer.cpp" line="174"/>
        <source>%1 does not exist yet: nothing was logged</source>
        <translation>%1 n’existe pas encore : rien n’a été journalisé</translation>
    </message>
</context>
<context>
    <name>escale::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="303"/>
        <source>Escale</source>
        <translation>Escale</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="364"/>
        <source>Activity...</source>
        <translation>Activité…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <location filename="../ui/MainWindow.cpp" line="366"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="89"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="90"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="111"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Delete them everywhere</source>
        <translation>Les supprimer partout</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="119"/>
        <source>Resolve...</source>
        <translation>Résoudre…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Details...</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="166"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="170"/>
        <source>Syncing</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="170"/>
        <source>Looking for changes…</source>
        <translation>Recherche de modifications…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="174"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="175"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="179"/>
        <source>Paused until %1</source>
        <translation>En pause jusqu’à %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="180"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="184"/>
        <source>The relay cannot be reached: Escale tries again</source>
        <translation>Le relais est injoignable : Escale réessaie</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="188"/>
        <source>Sync failed: Escale tries again</source>
        <translation>La synchronisation a échoué : Escale réessaie</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="192"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="203"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="207"/>
        <source>Last sync: %1 · Folder: %2 · Relay: %3</source>
        <translation>Dernière synchronisation : %1 · Dossier : %2 · Relais : %3</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="208"/>
        <source>not yet</source>
        <translation>pas encore</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="221"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>sending %1 of %n file(s)</source>
        <translation>
            <numerusform>envoi de %1 sur %n fichier</numerusform>
            <numerusform>envoi de %1 sur %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="228"/>
        <source>receiving %1 of %n file(s)</source>
        <translation>
            <numerusform>réception de %1 sur %n fichier</numerusform>
            <numerusform>réception de %1 sur %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="231"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="234"/>
        <source>less than a minute left</source>
        <translation>moins d’une minute restante</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="235"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>environ %n minute restante</numerusform>
            <numerusform>environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="236"/>
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>environ %n heure restante</numerusform>
            <numerusform>environ %n heures restantes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="240"/>
        <source>Now sending %1</source>
        <translation>Envoi en cours : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="240"/>
        <source>Now receiving %1</source>
        <translation>Réception en cours : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="253"/>
        <source>%n file(s) changed on two machines at once: both versions are kept until you choose.</source>
        <translation>
            <numerusform>%n fichier modifié sur deux machines à la fois : les deux versions sont gardées jusqu’à votre choix.</numerusform>
            <numerusform>%n fichiers modifiés sur deux machines à la fois : les deux versions sont gardées jusqu’à votre choix.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="259"/>
        <source>%n file(s) deleted here at once wait for your confirmation before they are deleted on the other machines.</source>
        <translation>
            <numerusform>%n fichier supprimé ici d’un coup attend votre confirmation avant d’être supprimé sur les autres machines.</numerusform>
            <numerusform>%n fichiers supprimés ici d’un coup attendent votre confirmation avant d’être supprimés sur les autres machines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="263"/>
        <source>%n file(s) cannot be synced for now.</source>
        <translation>
            <numerusform>%n fichier ne peut pas être synchronisé pour l’instant.</numerusform>
            <numerusform>%n fichiers ne peuvent pas être synchronisés pour l’instant.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="313"/>
        <source>Escale is not set up yet. Choose a folder to keep in sync, and the relay storage your machines share (a WebDAV or S3 service, an FTP or SFTP server, a shared or removable drive).</source>
        <translation>Escale n’est pas encore configuré. Choisissez un dossier à garder synchronisé, et le stockage relais que vos machines partagent (un service WebDAV ou S3, un serveur FTP ou SFTP, un disque partagé ou amovible).</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="318"/>
        <source>Set up a folder to sync...</source>
        <translation>Configurer un dossier à synchroniser…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="342"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="347"/>
        <source>Double-click a file to open it</source>
        <translation>Double-cliquez sur un fichier pour l’ouvrir</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="353"/>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Last change</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="357"/>
        <source>Pending work</source>
        <translation>Travail en attente</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Other machines</source>
        <translation>Autres machines</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="368"/>
        <source>Add repository...</source>
        <translation>Ajouter un dépôt…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="370"/>
        <source>Log...</source>
        <translation>Journal…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="372"/>
        <source>About...</source>
        <translation>À propos…</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="476"/>
        <source>No file came or went yet.</source>
        <translation>Aucun fichier n’est encore arrivé ni parti.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="487"/>
        <source>not seen yet</source>
        <translation>pas encore vue</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="492"/>
        <source>No other machine has joined yet.</source>
        <translation>Aucune autre machine n’a encore rejoint.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="499"/>
        <source>Configuration: %1</source>
        <translation>Configuration : %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="509"/>
        <source>Escale cannot use the configuration %1:

%2</source>
        <translation>Escale ne peut pas utiliser la configuration %1 :

%2</translation>
    </message>
</context>
<context>
    <name>escale::ui::Notifier</name>
    <message>
        <location filename="../ui/Notifier.cpp" line="24"/>
        <source>%1: the keychain is not available</source>
        <translation>%1 : le trousseau n’est pas disponible</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="25"/>
        <source>%1
Unlock the keychain (log in to the desktop session), or keep the password and passphrase in files readable only by you (&apos;password = /path&apos;, &apos;passphrase = /path&apos;).</source>
        <translation>%1
Déverrouillez le trousseau (ouvrez la session de bureau), ou gardez le mot de passe et la phrase secrète dans des fichiers lisibles par vous seul (« password = /chemin », « passphrase = /chemin »).</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="29"/>
        <source>%1: sync failed</source>
        <translation>%1 : échec de la synchronisation</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="46"/>
        <source>%1 is in sync</source>
        <translation>%1 est synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="47"/>
        <source>%1 is synchronised with %2.</source>
        <translation>%1 est synchronisé avec %2.</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="63"/>
        <source>%1: conflicting changes</source>
        <translation>%1 : modifications en conflit</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Notifier.cpp" line="64"/>
        <source>%n file(s) were changed on two machines at once; both versions are kept. Resolve them in the activity window or with &apos;escalectl conflicts&apos;.</source>
        <translation>
            <numerusform>%n fichier a été modifié sur deux machines à la fois ; les deux versions sont gardées. Résolvez le conflit dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform>
            <numerusform>%n fichiers ont été modifiés sur deux machines à la fois ; les deux versions sont gardées. Résolvez les conflits dans la fenêtre d’activité ou avec « escalectl conflicts ».</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="68"/>
        <source>%1: the relay is full</source>
        <translation>%1 : le relais est plein</translation>
    </message>
    <message>
        <location filename="../ui/Notifier.cpp" line="69"/>
        <source>Uploads wait until the other machines take their copies (disk quota reached).</source>
        <translation>Les envois attendent que les autres machines aient pris leur copie (quota atteint).</translation>
    </message>
</context>
<context>
    <name>escale::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="112"/>
        <source>Start Escale when I log in</source>
        <translation>Lancer Escale à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="117"/>
        <source>Show notifications (first sync, conflicts, errors, a full relay)</source>
        <translation>Afficher les notifications (première synchronisation, conflits, erreurs, relais plein)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="122"/>
        <source>The system&apos;s</source>
        <translation>Celle du système</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="142"/>
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="143"/>
        <source>Log level:</source>
        <translation>Niveau de journal :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="146"/>
        <source>The language applies at the next start. Configuration file: %1</source>
        <translation>La langue s’applique au prochain démarrage. Fichier de configuration : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="153"/>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="186"/>
        <source>&apos;%1&apos; in the configuration</source>
        <translation>« %1 » dans la configuration</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="208"/>
        <source>Folder and relay</source>
        <translation>Dossier et relais</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="209"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="219"/>
        <source>Local folder:</source>
        <translation>Dossier local :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="220"/>
        <source>%1
(to move the repository elsewhere: escalectl migrate %2 NEW-ADDRESS)</source>
        <translation>%1
(pour déplacer le dépôt ailleurs : escalectl migrate %2 NOUVELLE-ADRESSE)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="225"/>
        <source>Relay:</source>
        <translation>Relais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="234"/>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="234"/>
        <location filename="../ui/SettingsDialog.cpp" line="256"/>
        <location filename="../ui/SettingsDialog.cpp" line="294"/>
        <location filename="../ui/SettingsDialog.cpp" line="295"/>
        <location filename="../ui/SettingsDialog.cpp" line="296"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="230"/>
        <source>kept in %1</source>
        <translation>gardé dans %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="231"/>
        <source>unchanged (in the keychain)</source>
        <translation>inchangé (dans le trousseau)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="235"/>
        <source>New password:</source>
        <translation>Nouveau mot de passe :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="239"/>
        <source>This machine&apos;s name:</source>
        <translation>Nom de cette machine :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="239"/>
        <source>the host name</source>
        <translation>le nom d’hôte</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="242"/>
        <source>Send and receive</source>
        <translation>Envoyer et recevoir</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="243"/>
        <source>Send only</source>
        <translation>Envoyer seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="244"/>
        <source>Receive only</source>
        <translation>Recevoir seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="248"/>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="249"/>
        <source>Encryption:</source>
        <translation>Chiffrement :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="251"/>
        <source>What syncs</source>
        <translation>Ce qui se synchronise</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="252"/>
        <source>Only these files:</source>
        <translation>Seulement ces fichiers :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="252"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="253"/>
        <source>Files never synced:</source>
        <translation>Fichiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="253"/>
        <source>none (patterns, separated by commas)</source>
        <translation>aucun (motifs, séparés par des virgules)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="254"/>
        <source>Only these extensions:</source>
        <translation>Seulement ces extensions :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="254"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="255"/>
        <source>Only these folders:</source>
        <translation>Seulement ces dossiers :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="255"/>
        <source>every folder</source>
        <translation>tous les dossiers</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="256"/>
        <source>Folders never synced:</source>
        <translation>Dossiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="329"/>
        <source>Ask before deleting more than:</source>
        <translation>Demander avant de supprimer plus de :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="329"/>
        <source>50% (or a number of files)</source>
        <translation>50% (ou un nombre de fichiers)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="271"/>
        <source>Choose per file...</source>
        <translation>Choisir fichier par fichier…</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="276"/>
        <source>Relay space and speed</source>
        <translation>Place sur le relais et débit</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="277"/>
        <source>Relay quota:</source>
        <translation>Quota du relais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="277"/>
        <source>unlimited (e.g. 5GB)</source>
        <translation>illimité (par ex. 5GB)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="330"/>
        <source>Copies before freeing:</source>
        <translation>Copies avant libération :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="330"/>
        <source>every machine (0)</source>
        <translation>chaque machine (0)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="278"/>
        <source>Check the relay every:</source>
        <translation>Consulter le relais toutes les :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="331"/>
        <source>Check every second after activity for:</source>
        <translation>Consulter chaque seconde après une activité pendant :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="331"/>
        <source>2min (0: never)</source>
        <translation>2min (0 : jamais)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="278"/>
        <source>30s</source>
        <translation>30s</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="265"/>
        <source>Left out unless ticked: %1, and the folders %2.</source>
        <translation>Laissés de côté sauf si coché : %1, et les dossiers %2.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="279"/>
        <source>Parallel transfers:</source>
        <translation>Transferts en parallèle :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="279"/>
        <source>4</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="280"/>
        <source>Upload limit:</source>
        <translation>Limite d’envoi :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="280"/>
        <source>unlimited (e.g. 2MB per second: 2MB)</source>
        <translation>illimitée (par ex. 2 Mo par seconde : 2MB)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="281"/>
        <source>Download limit:</source>
        <translation>Limite de réception :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="281"/>
        <source>unlimited</source>
        <translation>illimitée</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="332"/>
        <source>Wait for an absent machine:</source>
        <translation>Attendre une machine absente :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="332"/>
        <location filename="../ui/SettingsDialog.cpp" line="333"/>
        <source>30d</source>
        <translation>30d</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="333"/>
        <source>Keep replaced versions:</source>
        <translation>Garder les versions remplacées :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="334"/>
        <source>8MB</source>
        <translation>8MB</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="336"/>
        <source>Timeout:</source>
        <translation>Délai d’attente :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="336"/>
        <source>60s</source>
        <translation>60s</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="337"/>
        <source>Retries:</source>
        <translation>Nouveaux essais :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="337"/>
        <source>5</source>
        <translation>5</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="290"/>
        <source>Connection and security</source>
        <translation>Connexion et sécurité</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="297"/>
        <source>Oldest TLS version:</source>
        <translation>Version TLS minimale :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="297"/>
        <source>TLS 1.2</source>
        <translation>TLS 1.2</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="293"/>
        <source>Authority certificate:</source>
        <translation>Certificat d’autorité :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="293"/>
        <source>the system&apos;s</source>
        <translation>ceux du système</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="295"/>
        <source>Client certificate:</source>
        <translation>Certificat client :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="296"/>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="294"/>
        <source>Trusted certificate fingerprint:</source>
        <translation>Empreinte de certificat reconnue :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="303"/>
        <source>SSH host key:</source>
        <translation>Clé d’hôte SSH :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="303"/>
        <source>from known hosts</source>
        <translation>celle de known_hosts</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="304"/>
        <source>Known hosts file:</source>
        <translation>Fichier known_hosts :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="304"/>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="300"/>
        <source>FTPS from the first byte:</source>
        <translation>FTPS dès le premier octet :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="56"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="130"/>
        <source>&apos;log level&apos; in the configuration: what the log keeps</source>
        <translation>« log level » dans la configuration : ce que garde le journal</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="131"/>
        <source>Everything, details included</source>
        <translation>Tout, détails compris</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="132"/>
        <source>Information, warnings and errors</source>
        <translation>Informations, avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="133"/>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="134"/>
        <source>Errors only</source>
        <translation>Erreurs seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="135"/>
        <source>Critical errors only</source>
        <translation>Erreurs critiques seulement</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="245"/>
        <source>Conservative: never overwrite a file changed here</source>
        <translation>Prudent : ne jamais écraser un fichier modifié ici</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="257"/>
        <source>sync them (.env, .git, ...)</source>
        <translation>les synchroniser (.env, .git, …)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="259"/>
        <source>Files and folders whose name starts with &apos;.&apos;</source>
        <translation>Fichiers et dossiers dont le nom commence par « . »</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="262"/>
        <source>Hidden files:</source>
        <translation>Fichiers cachés :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="263"/>
        <source>sync them too</source>
        <translation>les synchroniser aussi</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="270"/>
        <source>Temporary files of editors and systems:</source>
        <translation>Fichiers temporaires des éditeurs et systèmes :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="284"/>
        <source>check it (recommended)</source>
        <translation>le vérifier (recommandé)</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="292"/>
        <source>The server&apos;s certificate:</source>
        <translation>Certificat du serveur :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="300"/>
        <source>on port 990</source>
        <translation>sur le port 990</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="302"/>
        <source>SSH key:</source>
        <translation>Clé SSH :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="302"/>
        <source>~/.ssh/id_ed25519 or the agent</source>
        <translation>~/.ssh/id_ed25519 ou l’agent</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="307"/>
        <source>S3 region:</source>
        <translation>Région S3 :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="307"/>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="308"/>
        <source>S3 address style:</source>
        <translation>Forme d’adresse S3 :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="308"/>
        <source>auto</source>
        <translation>auto</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="311"/>
        <source>rclone program:</source>
        <translation>Programme rclone :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="311"/>
        <source>rclone</source>
        <translation>rclone</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="312"/>
        <source>rclone configuration:</source>
        <translation>Configuration rclone :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="312"/>
        <source>rclone&apos;s own</source>
        <translation>celle de rclone</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="317"/>
        <source>Show the advanced settings</source>
        <translation>Afficher les paramètres avancés</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="325"/>
        <source>Advanced</source>
        <translation>Avancé</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="334"/>
        <source>Pack size:</source>
        <translation>Taille des paquets :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="338"/>
        <source>State folder:</source>
        <translation>Dossier d’état :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="338"/>
        <source>~/.local/share/escale</source>
        <translation>~/.local/share/escale</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="339"/>
        <source>Checksum:</source>
        <translation>Somme de contrôle :</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="339"/>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="349"/>
        <source>Remove this repository</source>
        <translation>Retirer ce dépôt</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="352"/>
        <source>Keep its files in %1</source>
        <translation>Garder ses fichiers dans %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="354"/>
        <source>Also move its files to the trash</source>
        <translation>Mettre aussi ses fichiers à la corbeille</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="356"/>
        <source>The other machines keep their copies. They stop waiting for this one after &apos;retention&apos;, or at once with &apos;escalectl forget-client&apos;.</source>
        <translation>Les autres machines gardent leurs copies. Elles cessent d’attendre celle-ci après « retention », ou tout de suite avec « escalectl forget-client ».</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="360"/>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="418"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="457"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="462"/>
        <source>The keychain cannot keep the password: %1</source>
        <translation>Le trousseau ne peut pas garder le mot de passe : %1</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="478"/>
        <source>Saved; %1 restarted with the new settings.</source>
        <translation>Enregistré ; %1 a redémarré avec les nouveaux paramètres.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="499"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="505"/>
        <source>Not saved: check &quot;%1&quot;.</source>
        <translation>Non enregistré : vérifiez « %1 ».</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="534"/>
        <source>Unsaved changes</source>
        <translation>Modifications non appliquées</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="535"/>
        <source>Some settings were changed but not applied. Apply them now?</source>
        <translation>Des paramètres ont été modifiés sans être appliqués. Les appliquer maintenant ?</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="572"/>
        <source>&apos;%1&apos; is removed, but its folder %2 could not be moved to the trash.</source>
        <translation>« %1 » est retiré, mais son dossier %2 n’a pas pu être mis à la corbeille.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="574"/>
        <source>&apos;%1&apos; is removed; its folder is in the trash.</source>
        <translation>« %1 » est retiré ; son dossier est à la corbeille.</translation>
    </message>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="575"/>
        <source>&apos;%1&apos; is removed; its files stay in %2.</source>
        <translation>« %1 » est retiré ; ses fichiers restent dans %2.</translation>
    </message>
</context>
<context>
    <name>escale::ui::SetupWizard</name>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="17"/>
        <source>Add a repository</source>
        <translation>Ajouter un dépôt</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="45"/>
        <source>Leave the setup?</source>
        <translation>Quitter la configuration ?</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="46"/>
        <source>What you entered is not kept, and nothing is set up.</source>
        <translation>Ce que vous avez saisi n’est pas gardé, et rien n’est configuré.</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="49"/>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="50"/>
        <source>Stay</source>
        <translation>Rester</translation>
    </message>
    <message>
        <location filename="../ui/SetupWizard.cpp" line="64"/>
        <source>The folder %1 cannot be created</source>
        <translation>Le dossier %1 ne peut pas être créé</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayIcon</name>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="77"/>
        <source>Until resumed</source>
        <translation>Jusqu’à la reprise</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="78"/>
        <source>For 1 hour</source>
        <translation>Pendant 1 heure</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="81"/>
        <source>Until tomorrow, %1</source>
        <translation>Jusqu’à demain, %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="97"/>
        <source>Set up a folder to sync...</source>
        <translation>Configurer un dossier à synchroniser…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="111"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="113"/>
        <source>Choose what syncs...</source>
        <translation>Choisir ce qui se synchronise…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="117"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="120"/>
        <source>Pause</source>
        <translation>Suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="121"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="125"/>
        <source>Recent files</source>
        <translation>Fichiers récents</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="148"/>
        <source>None yet</source>
        <translation>Aucun pour l’instant</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="152"/>
        <source>Pause all</source>
        <translation>Tout suspendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="154"/>
        <source>Resume all</source>
        <translation>Tout reprendre</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="156"/>
        <source>Activity...</source>
        <translation>Activité…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="157"/>
        <source>Settings...</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="158"/>
        <source>Add repository...</source>
        <translation>Ajouter un dépôt…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="159"/>
        <source>Show Escale</source>
        <translation>Afficher Escale</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="160"/>
        <source>Log...</source>
        <translation>Journal…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="161"/>
        <source>About Escale...</source>
        <translation>À propos d’Escale…</translation>
    </message>
    <message>
        <location filename="../ui/TrayIcon.cpp" line="99"/>
        <location filename="../ui/TrayIcon.cpp" line="162"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>escale::ui::TrayModel</name>
    <message>
        <location filename="../ui/TrayModel.cpp" line="38"/>
        <source>Not set up</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="39"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="40"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="41"/>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="43"/>
        <source>A relay cannot be reached</source>
        <translation>Un relais est injoignable</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="45"/>
        <source>A repository needs attention</source>
        <translation>Un dépôt demande votre attention</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="47"/>
        <source>Conflicts to resolve</source>
        <translation>Conflits à résoudre</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="72"/>
        <source>%n file(s) left (%1)</source>
        <translation>
            <numerusform>%n fichier restant (%1)</numerusform>
            <numerusform>%n fichiers restants (%1)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="86"/>
        <source>%1: starting</source>
        <translation>%1 : démarrage</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="90"/>
        <source>%1: syncing, %2</source>
        <translation>%1 : synchronisation, %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="91"/>
        <source>%1: syncing</source>
        <translation>%1 : synchronisation</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="95"/>
        <source>%1: %n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%1 : %n modification en attente d’envoi</numerusform>
            <numerusform>%1 : %n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="96"/>
        <source>%1: up to date</source>
        <translation>%1 : à jour</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="97"/>
        <source>%1: up to date (%2)</source>
        <translation>%1 : à jour (%2)</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="100"/>
        <source>%1: paused until %2</source>
        <translation>%1 : en pause jusqu’à %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="101"/>
        <source>%1: paused</source>
        <translation>%1 : en pause</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="104"/>
        <source>%1: relay unreachable, retrying</source>
        <translation>%1 : relais injoignable, nouvel essai bientôt</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="107"/>
        <source>%1: error: %2</source>
        <translation>%1 : erreur : %2</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="110"/>
        <source>%1: stopped: %2</source>
        <translation>%1 : arrêté : %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="114"/>
        <source>, %n conflict(s) to resolve</source>
        <translation>
            <numerusform>, %n conflit à résoudre</numerusform>
            <numerusform>, %n conflits à résoudre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="116"/>
        <source>, %n change(s) to send</source>
        <translation>
            <numerusform>, %n modification à envoyer</numerusform>
            <numerusform>, %n modifications à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="120"/>
        <source>, %n file(s) waiting (see Activity)</source>
        <translation>
            <numerusform>, %n fichier en attente (voir Activité)</numerusform>
            <numerusform>, %n fichiers en attente (voir Activité)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="143"/>
        <source>tomorrow %1</source>
        <translation>demain %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="188"/>
        <source>Syncing: %1</source>
        <translation>Synchronisation : %1</translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="189"/>
        <source>Paused until %1</source>
        <translation>En pause jusqu’à %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TrayModel.cpp" line="191"/>
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n modification en attente d’envoi</numerusform>
            <numerusform>%n modifications en attente d’envoi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TrayModel.cpp" line="195"/>
        <source>Escale — not set up: click to choose a folder to sync</source>
        <translation>Escale — non configuré : cliquez pour choisir un dossier à synchroniser</translation>
    </message>
</context>
<context>
    <name>escale::ui::Words</name>
    <message>
        <location filename="../ui/Words.cpp" line="40"/>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="42"/>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="44"/>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="46"/>
        <source>conflict copy</source>
        <translation>copie de conflit</translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="85"/>
        <source>none (not encrypted)</source>
        <translation>aucun (non chiffré)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Words.cpp" line="93"/>
        <source>has %n of this machine&apos;s change sets to take</source>
        <translation>
            <numerusform>a %n lot de modifications de cette machine à prendre</numerusform>
            <numerusform>a %n lots de modifications de cette machine à prendre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/Words.cpp" line="95"/>
        <source>%n of its change sets to apply here</source>
        <translation>
            <numerusform>%n de ses lots de modifications à appliquer ici</numerusform>
            <numerusform>%n de ses lots de modifications à appliquer ici</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/Words.cpp" line="96"/>
        <source>none: in step</source>
        <translation>aucun : à jour</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::ConnectionPage</name>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="25"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="29"/>
        <source>/media/usb/escale</source>
        <translation>/media/usb/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="31"/>
        <source>https://cloud.example.com/remote.php/dav/files/alice/escale</source>
        <translation>https://cloud.example.com/remote.php/dav/files/alice/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="33"/>
        <source>https://s3.eu-west-1.amazonaws.com</source>
        <translation>https://s3.eu-west-3.amazonaws.com</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="34"/>
        <source>my-bucket/escale</source>
        <translation>mon-bucket/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="35"/>
        <source>us-east-1</source>
        <translation>us-east-1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="36"/>
        <source>server.example.com</source>
        <translation>serveur.example.com</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="40"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="41"/>
        <source>/escale</source>
        <translation>/escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="42"/>
        <source>Encrypt the connection (FTPS); plain FTP sends the password in clear</source>
        <translation>Chiffrer la connexion (FTPS) ; le FTP simple envoie le mot de passe en clair</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="45"/>
        <source>mydrive:escale</source>
        <translation>mondisque:escale</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="46"/>
        <source>rclone&apos;s own</source>
        <translation>celle de rclone</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="52"/>
        <source>none: ssh-agent, ~/.ssh, or the password</source>
        <translation>aucune : ssh-agent, ~/.ssh ou le mot de passe</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="55"/>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="56"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="57"/>
        <source>Endpoint:</source>
        <translation>Point d’accès :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="58"/>
        <source>Bucket and folder:</source>
        <translation>Bucket et dossier :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="59"/>
        <source>Region:</source>
        <translation>Région :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="60"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="61"/>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="62"/>
        <source>Folder on the server:</source>
        <translation>Dossier sur le serveur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="64"/>
        <source>Remote:</source>
        <translation>Remote :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="65"/>
        <source>rclone configuration:</source>
        <translation>Configuration rclone :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="66"/>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="128"/>
        <source>User name:</source>
        <translation>Nom d’utilisateur :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="67"/>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="132"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="68"/>
        <source>Private key:</source>
        <translation>Clé privée :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="71"/>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="79"/>
        <source>This server is not trusted yet</source>
        <translation>Ce serveur n’est pas encore reconnu</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="86"/>
        <source>I compared this fingerprint with the server&apos;s own: trust it</source>
        <translation>J’ai comparé cette empreinte avec celle du serveur : lui faire confiance</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="128"/>
        <source>Access key:</source>
        <translation>Clé d’accès :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="130"/>
        <source>Secret key:</source>
        <translation>Clé secrète :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="131"/>
        <source>Password or key passphrase:</source>
        <translation>Mot de passe ou phrase de la clé :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="136"/>
        <source>A folder every machine reaches: a USB drive carried around, a network share, a synced folder. Pick the folder that holds, or will hold, the repository.</source>
        <translation>Un dossier que chaque machine atteint : une clé USB que l’on transporte, un partage réseau, un dossier synchronisé. Choisissez le dossier qui contient, ou contiendra, le dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="140"/>
        <source>The WebDAV address of a folder on the server, and your login. With Nextcloud, use an app password.</source>
        <translation>L’adresse WebDAV d’un dossier sur le serveur, et vos identifiants. Avec Nextcloud, utilisez un mot de passe d’application.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="145"/>
        <source>The endpoint of the storage, the bucket (and a folder in it), and an access key allowed to read, write, list and delete there.</source>
        <translation>Le point d’accès du stockage, le bucket (et un dossier dedans), et une clé d’accès autorisée à y lire, écrire, lister et supprimer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="150"/>
        <source>The server, the folder on it, and your login.</source>
        <translation>Le serveur, le dossier sur ce serveur, et vos identifiants.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="154"/>
        <source>A remote of your rclone configuration and a folder in it (rclone must be installed).</source>
        <translation>Un remote de votre configuration rclone et un dossier dedans (rclone doit être installé).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="200"/>
        <source>The folder %1 does not exist: create it, or plug in the drive that holds it.</source>
        <translation>Le dossier %1 n’existe pas : créez-le, ou branchez le disque qui le contient.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="205"/>
        <source>The folder %1 cannot be written by you.</source>
        <translation>Vous ne pouvez pas écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="252"/>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="267"/>
        <source>Connected. There is no repository here yet: a new one will be created.</source>
        <translation>Connecté. Il n’y a pas encore de dépôt ici : un nouveau sera créé.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/ConnectionPage.cpp" line="270"/>
        <source>Connected. A repository is here (%1, %n client(s)).</source>
        <translation>
            <numerusform>Connecté. Un dépôt se trouve ici (%1, %n client).</numerusform>
            <numerusform>Connecté. Un dépôt se trouve ici (%1, %n clients).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="271"/>
        <source>encrypted</source>
        <translation>chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="271"/>
        <source>not encrypted</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="278"/>
        <source>%1 presents %2
%3
SHA-256 fingerprint:
%4

Why it is not trusted: %5</source>
        <translation>%1 présente %2
%3
Empreinte SHA-256 :
%4

Pourquoi il n’est pas reconnu : %5</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="279"/>
        <source>an SSH host key</source>
        <translation>une clé d’hôte SSH</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="279"/>
        <source>a TLS certificate</source>
        <translation>un certificat TLS</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="283"/>
        <source>The server&apos;s host key is not known. Check its fingerprint before trusting it: someone may be in the way.</source>
        <translation>La clé d’hôte du serveur est inconnue. Vérifiez son empreinte avant de lui faire confiance : quelqu’un pourrait s’être interposé.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="285"/>
        <source>The server&apos;s certificate is not trusted. Check its fingerprint before trusting it: someone may be in the way.</source>
        <translation>Le certificat du serveur n’est pas reconnu. Vérifiez son empreinte avant de lui faire confiance : quelqu’un pourrait s’être interposé.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="295"/>
        <source>The server refused the user name or password.</source>
        <translation>Le serveur a refusé le nom d’utilisateur ou le mot de passe.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="298"/>
        <source>The server cannot be reached.</source>
        <translation>Le serveur est injoignable.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="301"/>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="304"/>
        <source>The secure connection failed.</source>
        <translation>La connexion sécurisée a échoué.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="307"/>
        <source>The server refuses access to this folder.</source>
        <translation>Le serveur refuse l’accès à ce dossier.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/ConnectionPage.cpp" line="310"/>
        <source>The connection test failed.</source>
        <translation>Le test de connexion a échoué.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::FiltersPage</name>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="17"/>
        <source>What to leave out (optional)</source>
        <translation>Ce qu’il faut laisser de côté (facultatif)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="19"/>
        <source>Leave everything empty to sync the whole folder. One pattern per line: * matches any name part, /.../ is a regular expression.</source>
        <translation>Laissez tout vide pour synchroniser tout le dossier. Un motif par ligne : * remplace n’importe quelle partie d’un nom, /…/ est une expression régulière.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="23"/>
        <source>*.tmp
*~</source>
        <translation>*.tmp
*~</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="24"/>
        <source>node_modules
build</source>
        <translation>node_modules
build</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="25"/>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="26"/>
        <source>Sync hidden files and folders (names starting with &apos;.&apos;, such as .env or .git)</source>
        <translation>Synchroniser les fichiers et dossiers cachés (noms commençant par « . », comme .env ou .git)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="30"/>
        <source>Sync the temporary files of editors and systems too</source>
        <translation>Synchroniser aussi les fichiers temporaires des éditeurs et des systèmes</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="32"/>
        <source>Left out unless ticked: %1, and the folders %2. They are locks, swap files, partial downloads and thumbnails that belong to one machine.</source>
        <translation>Laissés de côté sauf si coché : %1, et les dossiers %2. Ce sont des verrous, fichiers d’échange, téléchargements partiels et vignettes propres à une machine.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="36"/>
        <source>Files never synced:</source>
        <translation>Fichiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="37"/>
        <source>Folders never synced:</source>
        <translation>Dossiers jamais synchronisés :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/FiltersPage.cpp" line="38"/>
        <source>Only these files:</source>
        <translation>Seulement ces fichiers :</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::LocalPage</name>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="22"/>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="24"/>
        <source>The folder to keep in sync here, how this machine is named to the others, and what it does.</source>
        <translation>Le dossier à synchroniser ici, le nom de cette machine pour les autres, et ce qu’elle fait.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="31"/>
        <source>Send and receive</source>
        <translation>Envoyer et recevoir</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="32"/>
        <source>Send only (files here are never changed)</source>
        <translation>Envoyer seulement (les fichiers d’ici ne sont jamais modifiés)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="33"/>
        <source>Receive only (files here are never sent)</source>
        <translation>Recevoir seulement (les fichiers d’ici ne sont jamais envoyés)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="34"/>
        <source>Conservative (never overwrite a file changed here)</source>
        <translation>Prudent (ne jamais écraser un fichier modifié ici)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="36"/>
        <source>Local folder:</source>
        <translation>Dossier local :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="37"/>
        <source>This machine&apos;s name:</source>
        <translation>Nom de cette machine :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="38"/>
        <source>Mode:</source>
        <translation>Mode :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="39"/>
        <source>Repository name:</source>
        <translation>Nom du dépôt :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="72"/>
        <source>Choose the local folder (a full path, starting with /).</source>
        <translation>Choisissez le dossier local (un chemin complet, commençant par /).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="77"/>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 est un fichier, pas un dossier.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="81"/>
        <source>The folder %1 cannot be written by you.</source>
        <translation>Vous ne pouvez pas écrire dans le dossier %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="89"/>
        <source>The folder %1 cannot be created: %2 cannot be written by you.</source>
        <translation>Le dossier %1 ne peut pas être créé : vous ne pouvez pas écrire dans %2.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="98"/>
        <source>The local folder and the relay folder must be apart: neither inside the other.</source>
        <translation>Le dossier local et le dossier relais doivent être distincts : aucun des deux dans l’autre.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="104"/>
        <source>Give this machine a name: the others see it in their activity.</source>
        <translation>Donnez un nom à cette machine : les autres le voient dans leur activité.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="108"/>
        <source>A machine&apos;s name is a name: at most 64 characters, without / or \ (it appears in the names of conflict copies).</source>
        <translation>Le nom d’une machine est un nom : 64 caractères au plus, sans / ni \ (il figure dans le nom des copies de conflit).</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="114"/>
        <source>Repository name: %1.</source>
        <translation>Nom du dépôt : %1.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/LocalPage.cpp" line="132"/>
        <source>Another machine of this repository is already named &apos;%1&apos;. Click Next again to keep this name, or give this one another.</source>
        <translation>Une autre machine de ce dépôt s’appelle déjà « %1 ». Cliquez de nouveau sur Suivant pour garder ce nom, ou donnez-en un autre à celle-ci.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::PassphrasePage</name>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="26"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="31"/>
        <source>Encrypt everything on the relay (recommended)</source>
        <translation>Tout chiffrer sur le relais (recommandé)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="48"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="50"/>
        <source>Generate one</source>
        <translation>En générer une</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="52"/>
        <source>A strong random passphrase, shown once: keep a copy</source>
        <translation>Une phrase secrète aléatoire et forte, affichée une seule fois : gardez-en une copie</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="57"/>
        <source>Passphrase:</source>
        <translation>Phrase secrète :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="58"/>
        <source>Again:</source>
        <translation>Confirmation :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="64"/>
        <source>Keep this passphrase in a password manager or on paper in a safe place: every machine joining needs it, and nobody can recover it, Escale included.</source>
        <translation>Gardez cette phrase secrète dans un gestionnaire de mots de passe ou sur papier en lieu sûr : chaque machine qui rejoint en a besoin, et personne ne peut la retrouver, Escale compris.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="69"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="91"/>
        <source>Strength:</source>
        <translation>Robustesse :</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="107"/>
        <source>Without encryption, whoever can read the relay (its administrator, a thief of the drive) can read your files.</source>
        <translation>Sans chiffrement, quiconque peut lire le relais (son administrateur, le voleur du disque) peut lire vos fichiers.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="123"/>
        <source>The passphrase of the repository you join.</source>
        <translation>La phrase secrète du dépôt que vous rejoignez.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="124"/>
        <source>Whoever can read the relay sees only encrypted data.</source>
        <translation>Qui peut lire le relais n’y voit que des données chiffrées.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="128"/>
        <source>This repository is encrypted with %1. Type its passphrase: it is checked against the repository before going on.</source>
        <translation>Ce dépôt est chiffré avec %1. Saisissez sa phrase secrète : elle est vérifiée auprès du dépôt avant de continuer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="133"/>
        <source>The passphrase encrypts names and contents before they leave this machine. Every machine joining the repository needs it. It cannot be recovered: keep a copy in a safe place. It goes to the system keychain, never into the configuration file.</source>
        <translation>La phrase secrète chiffre les noms et les contenus avant qu’ils ne quittent cette machine. Chaque machine qui rejoint le dépôt en a besoin. Elle ne peut pas être récupérée : gardez-en une copie en lieu sûr. Elle va dans le trousseau du système, jamais dans le fichier de configuration.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="157"/>
        <source>Very weak</source>
        <translation>Très faible</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="160"/>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="163"/>
        <source>Fair</source>
        <translation>Correcte</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="166"/>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="169"/>
        <source>Strong</source>
        <translation>Forte</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="173"/>
        <source>Several unrelated words are easy to remember and hard to guess.</source>
        <translation>Plusieurs mots sans rapport entre eux sont faciles à retenir et difficiles à deviner.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="175"/>
        <source>%1: add words, digits or symbols to make it stronger.</source>
        <translation>%1 : ajoutez des mots, des chiffres ou des symboles pour la renforcer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="191"/>
        <source>Type a passphrase, or turn encryption off.</source>
        <translation>Saisissez une phrase secrète, ou désactivez le chiffrement.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="195"/>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Les deux phrases diffèrent : saisissez deux fois la même.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="200"/>
        <source>This passphrase is too easy to guess: the relay holds what an attacker needs to try passphrases offline. Make it longer.</source>
        <translation>Cette phrase secrète est trop facile à deviner : le relais contient de quoi essayer des phrases hors ligne. Allongez-la.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="209"/>
        <source>Type the repository&apos;s passphrase.</source>
        <translation>Saisissez la phrase secrète du dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="226"/>
        <source>Checking the passphrase...</source>
        <translation>Vérification de la phrase secrète…</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="234"/>
        <source>The relay could not be read again: %1</source>
        <translation>Le relais n’a pas pu être relu : %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="238"/>
        <source>Wrong passphrase: it does not open this repository.</source>
        <translation>Phrase secrète erronée : elle n’ouvre pas ce dépôt.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/PassphrasePage.cpp" line="243"/>
        <source>The passphrase opens the repository.</source>
        <translation>La phrase secrète ouvre le dépôt.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::RepositoryPage</name>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="17"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="18"/>
        <source>A repository is what the machines share on the relay: create one, or join one.</source>
        <translation>Un dépôt est ce que les machines partagent sur le relais : créez-en un, ou rejoignez-en un.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="23"/>
        <source>Join the repository found on the relay</source>
        <translation>Rejoindre le dépôt trouvé sur le relais</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="25"/>
        <source>Create a new repository</source>
        <translation>Créer un nouveau dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="42"/>
        <source>There is no repository on this relay yet. A new one is created there when you finish; other machines then join it with the same relay and passphrase.</source>
        <translation>Il n’y a pas encore de dépôt sur ce relais. Un nouveau y est créé quand vous terminez ; les autres machines le rejoignent ensuite avec le même relais et la même phrase secrète.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="46"/>
        <source>A repository is on this relay (%1). Joining it brings its files here and shares this machine&apos;s files with the others.</source>
        <translation>Un dépôt se trouve sur ce relais (%1). Le rejoindre amène ses fichiers ici et partage les fichiers de cette machine avec les autres.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="48"/>
        <source>encrypted with %1</source>
        <translation>chiffré avec %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="49"/>
        <source>not encrypted</source>
        <translation>non chiffré</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="54"/>
        <source>%1 (last seen %2)</source>
        <translation>%1 (vue le %2)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="57"/>
        <source>Machines syncing it: %1.</source>
        <translation>Machines qui le synchronisent : %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/wizard/RepositoryPage.cpp" line="61"/>
        <source>%n machine(s) sync it; their names are encrypted and show once the passphrase is checked.</source>
        <translation>
            <numerusform>%n machine le synchronise ; son nom est chiffré et apparaît une fois la phrase secrète vérifiée.</numerusform>
            <numerusform>%n machines le synchronisent ; leurs noms sont chiffrés et apparaissent une fois la phrase secrète vérifiée.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/wizard/RepositoryPage.cpp" line="65"/>
        <source>To create a new repository instead, go back and choose another folder on the relay.</source>
        <translation>Pour créer plutôt un nouveau dépôt, revenez en arrière et choisissez un autre dossier sur le relais.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::SummaryPage</name>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="20"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="21"/>
        <source>Escale writes this to its configuration and starts syncing when you click Finish.</source>
        <translation>Escale écrit ceci dans sa configuration et commence à synchroniser quand vous cliquez sur Terminer.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="29"/>
        <source>Keep the password and passphrase in files readable only by you</source>
        <translation>Garder le mot de passe et la phrase secrète dans des fichiers lisibles par vous seul</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>Repository</source>
        <translation>Dépôt</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>join &apos;%1&apos;</source>
        <translation>rejoindre « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="49"/>
        <source>create &apos;%1&apos;</source>
        <translation>créer « %1 »</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="50"/>
        <source>Relay</source>
        <translation>Relais</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="52"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="54"/>
        <source>Local folder</source>
        <translation>Dossier local</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="56"/>
        <source> (created)</source>
        <translation> (créé)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="57"/>
        <source>This machine</source>
        <translation>Cette machine</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="59"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="59"/>
        <source>send only</source>
        <translation>envoi seulement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="60"/>
        <source>receive only</source>
        <translation>réception seulement</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="61"/>
        <source>conservative</source>
        <translation>prudent</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="62"/>
        <source>send and receive</source>
        <translation>envoi et réception</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="66"/>
        <source>temporary files of editors and systems (%1; folders %2)</source>
        <translation>fichiers temporaires des éditeurs et des systèmes (%1 ; dossiers %2)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="70"/>
        <source>hidden files and folders (names starting with &apos;.&apos;)</source>
        <translation>fichiers et dossiers cachés (noms commençant par « . »)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="72"/>
        <source>files named %1</source>
        <translation>fichiers nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="74"/>
        <source>folders named %1</source>
        <translation>dossiers nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="76"/>
        <source>every file but those named %1</source>
        <translation>tout fichier sauf ceux nommés %1</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="77"/>
        <source>Not synced</source>
        <translation>Non synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="77"/>
        <source>nothing: every file is synced</source>
        <translation>rien : chaque fichier est synchronisé</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="78"/>
        <source>Configuration</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="80"/>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="80"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="81"/>
        <source>in the system keychain</source>
        <translation>dans le trousseau du système</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="82"/>
        <source>no keychain here: in files readable only by you</source>
        <translation>pas de trousseau ici : dans des fichiers lisibles par vous seul</translation>
    </message>
    <message>
        <location filename="../ui/wizard/SummaryPage.cpp" line="100"/>
        <source>%1. Check the box to keep them in files readable only by you (beside the configuration, in &apos;secrets&apos;), then click Finish again.</source>
        <translation>%1. Cochez la case pour les garder dans des fichiers lisibles par vous seul (à côté de la configuration, dans « secrets »), puis cliquez de nouveau sur Terminer.</translation>
    </message>
</context>
<context>
    <name>escale::ui::wizard::TypePage</name>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="18"/>
        <source>Where do the machines meet?</source>
        <translation>Où les machines se retrouvent-elles ?</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="19"/>
        <source>Escale syncs through a relay storage that every machine can reach. Everything on it is encrypted; space is freed as soon as every machine has its copy.</source>
        <translation>Escale synchronise au travers d’un stockage relais que chaque machine peut atteindre. Tout y est chiffré ; la place est libérée dès que chaque machine a sa copie.</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="23"/>
        <source>A local or mounted folder (USB drive, network share)</source>
        <translation>Un dossier local ou monté (clé USB, partage réseau)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="24"/>
        <source>WebDAV (Nextcloud, ownCloud, a NAS, Box, ...)</source>
        <translation>WebDAV (Nextcloud, ownCloud, un NAS, Box…)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="25"/>
        <source>S3-compatible object storage (AWS, MinIO, Wasabi, ...)</source>
        <translation>Stockage objet compatible S3 (AWS, MinIO, Wasabi…)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="26"/>
        <source>FTP or FTPS server</source>
        <translation>Serveur FTP ou FTPS</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="27"/>
        <source>SFTP (an SSH server)</source>
        <translation>SFTP (un serveur SSH)</translation>
    </message>
    <message>
        <location filename="../ui/wizard/TypePage.cpp" line="28"/>
        <source>An rclone remote (any of rclone&apos;s 70 storages)</source>
        <translation>Un remote rclone (n’importe lequel des 70 stockages de rclone)</translation>
    </message>
</context>
<context>
    <name>maintenance</name>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="32"/>
        <source>no client &apos;%1&apos; in this repository (clients: %2)</source>
        <translation>aucune machine &apos;%1&apos; dans ce dépôt (machines : %2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="33"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="35"/>
        <source>several clients are named &apos;%1&apos;: give its id (clients: %2)</source>
        <translation>plusieurs machines s’appellent &apos;%1&apos; : donnez son identifiant (machines : %2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="48"/>
        <source>this machine cannot tell when %1 (%2) was last heard of (it has no record of it: run a sync here first, and try again after %3 hours without news of it); --force forgets it anyway</source>
        <translation>cette machine ne peut pas dire quand %1 (%2) a donné des nouvelles pour la dernière fois (elle n’en a aucune trace : lancez d’abord une synchronisation ici, et réessayez après %3 heures sans nouvelles d’elle) ; --force l’oublie quand même</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="58"/>
        <source>%1 (%2) was heard of at %3, less than %4 hours ago: is it really gone? --force forgets it anyway (if it comes back, it stops and says so)</source>
        <translation>%1 (%2) a donné des nouvelles le %3, il y a moins de %4 heures : a-t-elle vraiment disparu ? --force l’oublie quand même (si elle revient, elle s’arrête et le signale)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="68"/>
        <source>%1 (%2 journal segments)</source>
        <translation>%1 (%2 segments de journal)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="74"/>
        <source>not everything %1 published has reached %2 yet: forgetting it now would lose those changes there; wait for their next pass, or --force</source>
        <translation>tout ce que %1 a publié n’a pas encore atteint %2 : l’oublier maintenant y perdrait ces modifications ; attendez leur prochaine synchronisation, ou --force</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="83"/>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="113"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="159"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="333"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="373"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="502"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="97"/>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="138"/>
        <source>cannot remove %1</source>
        <translation>impossible de supprimer %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/ForgetClient.cpp" line="141"/>
        <source>forgot %1 (%2): %3 of its objects removed from the relay; the other clients stop waiting for it at their next poll</source>
        <translation>%1 (%2) oubliée : %3 de ses objets supprimés du relais ; les autres machines cessent de l’attendre à leur prochaine consultation du relais</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="44"/>
        <source>%1 placeholder</source>
        <translation>%1 fichier .placeholder</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="45"/>
        <source>%1 placeholders</source>
        <translation>%1 fichiers .placeholder</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="46"/>
        <source>%1 lock</source>
        <translation>%1 verrou</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="46"/>
        <source>%1 locks</source>
        <translation>%1 verrous</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="47"/>
        <source>%1 index page</source>
        <translation>%1 page d’index</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="48"/>
        <source>%1 index pages</source>
        <translation>%1 pages d’index</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="49"/>
        <source>%1 update file</source>
        <translation>%1 fichier de mise à jour</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="50"/>
        <source>%1 update files</source>
        <translation>%1 fichiers de mise à jour</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="51"/>
        <source>%1 file waiting for 0.7 clients</source>
        <translation>%1 fichier en attente des machines en 0.7</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="52"/>
        <source>%1 files waiting for 0.7 clients</source>
        <translation>%1 fichiers en attente des machines en 0.7</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="54"/>
        <source>no Escale 0.7 file</source>
        <translation>aucun fichier d’Escale 0.7</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="55"/>
        <source>%1 (%2), and more not looked at</source>
        <translation>%1 (%2), et d’autres non examinés</translation>
    </message>
    <message>
        <location filename="../core/maintenance/LegacyFiles.cpp" line="72"/>
        <source>%1/ (cannot be listed: %2)</source>
        <translation>%1/ (impossible à lister : %2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="27"/>
        <source>%1 holds no repository: nothing to back up</source>
        <translation>%1 ne contient aucun dépôt : rien à sauvegarder</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="35"/>
        <source>cannot create %1 (zip error %2)</source>
        <translation>impossible de créer %1 (erreur zip %2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="45"/>
        <location filename="../core/maintenance/RelayArchive.cpp" line="53"/>
        <source>cannot write %1 into %2</source>
        <translation>impossible d’écrire %1 dans %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="73"/>
        <source>cannot write the manifest into %1</source>
        <translation>impossible d’écrire le manifeste dans %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="79"/>
        <source>cannot finish %1 (zip error %2)</source>
        <translation>impossible de terminer %1 (erreur zip %2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="86"/>
        <source>cannot rename %1 to %2</source>
        <translation>impossible de renommer %1 en %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="98"/>
        <source>cannot open %1 as a zip archive</source>
        <translation>impossible d’ouvrir %1 comme archive zip</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="112"/>
        <source>%1 is not an Escale backup (no readable %2)</source>
        <translation>%1 n’est pas une sauvegarde d’Escale (pas de %2 lisible)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="119"/>
        <source>%1 names an object &apos;%2&apos; that no relay path may be: refused</source>
        <translation>%1 nomme un objet &apos;%2&apos;, un nom qu’aucun chemin de relais ne peut porter : refusé</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="131"/>
        <location filename="../core/maintenance/RelayArchive.cpp" line="185"/>
        <source>%1 lacks %2, which its manifest lists: the archive is damaged</source>
        <translation>%1 n’a pas %2, que son manifeste liste : l’archive est endommagée</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="142"/>
        <source>%1 in %2 does not match its manifest: the archive is damaged, nothing was written</source>
        <translation>%1 dans %2 ne correspond pas à son manifeste : l’archive est endommagée, rien n’a été écrit</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="153"/>
        <source>%1 is not empty: restore into an empty location, or pass --force to write over what is there</source>
        <translation>%1 n’est pas vide : restaurez dans un emplacement vide, ou passez --force pour écrire par-dessus ce qui s’y trouve</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="191"/>
        <source>cannot read %1 from %2</source>
        <translation>impossible de lire %1 depuis %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="205"/>
        <source>%1 in %2 does not match its manifest: the archive is damaged</source>
        <translation>%1 dans %2 ne correspond pas à son manifeste : l’archive est endommagée</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="221"/>
        <source>%1 reads back different from the archive after the restore</source>
        <translation>%1 ne se relit pas à l’identique de l’archive après la restauration</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayArchive.cpp" line="223"/>
        <source>%1 reads back different from the archive after the restore (%2)</source>
        <translation>%1 ne se relit pas à l’identique de l’archive après la restauration (%2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="76"/>
        <source>%1 objects copied (%2 bytes)</source>
        <translation>%1 objets copiés (%2 octets)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="93"/>
        <source>removed %1 from %2 (freed on %3)</source>
        <translation>%1 supprimé de %2 (libéré sur %3)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="150"/>
        <source>%1 was migrated to %2 already</source>
        <translation>%1 a déjà été migré vers %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="152"/>
        <source>%1 holds a damaged forwarding record: %2</source>
        <translation>%1 contient un enregistrement de redirection endommagé : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="168"/>
        <source>%1 holds another repository: migrate into an empty location</source>
        <translation>%1 contient un autre dépôt : migrez vers un emplacement vide</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="179"/>
        <source>%1 is not empty and holds no Escale repository: migrate into an empty location</source>
        <translation>%1 n’est pas vide et ne contient aucun dépôt Escale : migrez vers un emplacement vide</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="208"/>
        <source>cannot write the forwarding record on %1: %2</source>
        <translation>impossible d’écrire l’enregistrement de redirection sur %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RelayMigration.cpp" line="213"/>
        <source>forwarding record written on %1</source>
        <translation>enregistrement de redirection écrit sur %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="52"/>
        <source>the blob at %1 (%2 bytes) runs past its end (%3 bytes)</source>
        <translation>le bloc à la position %1 (%2 octets) dépasse sa fin (%3 octets)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="57"/>
        <source>%1 bytes where its record says %2</source>
        <translation>%1 octets là où son enregistrement en indique %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="59"/>
        <source>the blob at %1 (%2 bytes) fails its check</source>
        <translation>le bloc à la position %1 (%2 octets) ne passe pas sa vérification</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="106"/>
        <source>there is no Escale repository on %1</source>
        <translation>il n’y a pas de dépôt Escale sur %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="109"/>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="120"/>
        <source>the repository is encrypted (%1): a passphrase is needed</source>
        <translation>le dépôt est chiffré (%1) : une phrase secrète est nécessaire</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="142"/>
        <source>cannot list %1: %2</source>
        <translation>impossible de lister %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="158"/>
        <source>%1 is missing</source>
        <translation>%1 est manquant</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="165"/>
        <source>%1 is damaged: %2</source>
        <translation>%1 est endommagé : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="177"/>
        <source>cannot list heads: %1</source>
        <translation>impossible de lister les têtes : %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="202"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="279"/>
        <source>%1 does not match its name (%2)</source>
        <translation>%1 ne correspond pas à son nom (%2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="233"/>
        <source>%1 does not check: %2</source>
        <translation>%1 ne passe pas la vérification : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="249"/>
        <source>heads/%1 is not a head&apos;s name</source>
        <translation>heads/%1 n’est pas un nom de tête</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="286"/>
        <source>client %1 (%2): generation %3, journal %4</source>
        <translation>machine %1 (%2) : génération %3, journal %4</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="316"/>
        <source>journal of %1: segments %2 to %3 are missing</source>
        <translation>journal de %1 : les segments %2 à %3 manquent</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="326"/>
        <source>%1 does not match its name</source>
        <translation>%1 ne correspond pas à son nom</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="335"/>
        <source>%1: a record names an unsafe path (%2)</source>
        <translation>%1 : un enregistrement nomme un chemin dangereux (%2)</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="344"/>
        <source>journal of %1: its head names segment %2, the relay ends at %3</source>
        <translation>journal de %1 : sa tête nomme le segment %2, le relais s’arrête à %3</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="350"/>
        <source>journal of %1: segments 1 to %2 are gone and no snapshot covers them</source>
        <translation>journal de %1 : les segments 1 à %2 ont disparu et aucun instantané ne les couvre</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="375"/>
        <source>%1 does not hold what the journal says: %2</source>
        <translation>%1 ne contient pas ce que dit le journal : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="382"/>
        <source>%1 objects checked</source>
        <translation>%1 objets vérifiés</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="460"/>
        <source>%1 is not empty: choose a new or empty folder</source>
        <translation>%1 n’est pas vide : choisissez un dossier nouveau ou vide</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="464"/>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="474"/>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="478"/>
        <source>cannot create the folder of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="487"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="501"/>
        <source>%1: a chunk failed its check</source>
        <translation>%1 : un fragment n’a pas passé sa vérification</translation>
    </message>
    <message>
        <location filename="../core/maintenance/RepositoryReader.cpp" line="508"/>
        <source>%1: the content failed its check</source>
        <translation>%1 : le contenu n’a pas passé sa vérification</translation>
    </message>
</context>
<context>
    <name>protocol</name>
    <message>
        <location filename="../core/protocol/JournalObjects.cpp" line="27"/>
        <source>header mismatch</source>
        <translation>en-tête incohérent</translation>
    </message>
    <message>
        <location filename="../core/protocol/JournalObjects.cpp" line="102"/>
        <source>the forwarding record names no repository or no address</source>
        <translation>l’enregistrement de redirection ne nomme aucun dépôt ou aucune adresse</translation>
    </message>
    <message>
        <location filename="../core/protocol/ObjectCodec.cpp" line="71"/>
        <location filename="../core/protocol/ObjectStore.cpp" line="51"/>
        <source>the object ends before the part asked for</source>
        <translation>l’objet se termine avant la partie demandée</translation>
    </message>
    <message>
        <location filename="../core/protocol/ObjectCodec.cpp" line="80"/>
        <source>more bytes than the part asked for</source>
        <translation>plus d’octets que la partie demandée</translation>
    </message>
    <message>
        <location filename="../core/protocol/ObjectCodec.cpp" line="84"/>
        <source>cannot write the bytes read: %1</source>
        <translation>impossible d’écrire les octets lus : %1</translation>
    </message>
    <message>
        <location filename="../core/protocol/ObjectStore.cpp" line="143"/>
        <source>%1 failed its check: the object is cut short</source>
        <translation>%1 n’a pas passé sa vérification : l’objet est tronqué</translation>
    </message>
    <message>
        <location filename="../core/protocol/ObjectStore.cpp" line="163"/>
        <location filename="../core/protocol/ObjectStore.cpp" line="167"/>
        <source>%1 failed its check: %2</source>
        <translation>%1 n’a pas passé sa vérification : %2</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="18"/>
        <source>empty path</source>
        <translation>chemin vide</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="20"/>
        <source>absolute path</source>
        <translation>chemin absolu</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="22"/>
        <source>backslash in path</source>
        <translation>barre oblique inverse dans le chemin</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="25"/>
        <source>control character in path</source>
        <translation>caractère de contrôle dans le chemin</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="29"/>
        <source>empty path component</source>
        <translation>élément de chemin vide</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="31"/>
        <source>&apos;%1&apos; component</source>
        <translation>élément &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="33"/>
        <source>name longer than 255 bytes</source>
        <translation>nom de plus de 255 octets</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="35"/>
        <source>reserved name &apos;%1&apos;</source>
        <translation>nom réservé &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/protocol/PathCheck.cpp" line="38"/>
        <source>path too long</source>
        <translation>chemin trop long</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="295"/>
        <source>record without a path</source>
        <translation>enregistrement sans chemin</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="300"/>
        <source>record &apos;%1&apos;: invalid version vector</source>
        <translation>enregistrement &apos;%1&apos; : vecteur de versions invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="306"/>
        <source>record &apos;%1&apos;: invalid origin</source>
        <translation>enregistrement &apos;%1&apos; : origine invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="320"/>
        <source>record &apos;%1&apos;: unknown kind &apos;%2&apos;</source>
        <translation>enregistrement &apos;%1&apos; : type &apos;%2&apos; inconnu</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="328"/>
        <source>record &apos;%1&apos;: invalid size or mtime</source>
        <translation>enregistrement &apos;%1&apos; : taille ou date de modification invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="335"/>
        <source>record &apos;%1&apos;: invalid hash</source>
        <translation>enregistrement &apos;%1&apos; : hachage invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="341"/>
        <source>record &apos;%1&apos;: invalid mode</source>
        <translation>enregistrement &apos;%1&apos; : mode invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="349"/>
        <source>record &apos;%1&apos;: invalid offset</source>
        <translation>enregistrement &apos;%1&apos; : position invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="366"/>
        <source>record &apos;%1&apos;: invalid blob</source>
        <translation>enregistrement &apos;%1&apos; : bloc invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="367"/>
        <source>record &apos;%1&apos;: invalid chunk</source>
        <translation>enregistrement &apos;%1&apos; : fragment invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="381"/>
        <source>record &apos;%1&apos;: invalid piece</source>
        <translation>enregistrement &apos;%1&apos; : morceau invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="385"/>
        <source>record &apos;%1&apos;: its content adds up to %2 bytes, not %3</source>
        <translation>enregistrement &apos;%1&apos; : son contenu totalise %2 octets, et non %3</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="437"/>
        <source>head: invalid client id</source>
        <translation>tête : identifiant de machine invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="442"/>
        <source>head of %1: invalid &apos;%2&apos;</source>
        <translation>tête de %1 : &apos;%2&apos; invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="454"/>
        <source>head of %1: invalid acknowledgement</source>
        <translation>tête de %1 : accusé de réception invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="462"/>
        <source>head of %1: invalid snapshot coverage</source>
        <translation>tête de %1 : couverture d’instantané invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="470"/>
        <source>head of %1: invalid missing segment</source>
        <translation>tête de %1 : segment manquant invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="477"/>
        <source>head of %1: too many wants</source>
        <translation>tête de %1 : trop de demandes</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="483"/>
        <source>head of %1: invalid want</source>
        <translation>tête de %1 : demande invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="509"/>
        <source>the repository header is not valid JSON (%1)</source>
        <translation>l’en-tête du dépôt n’est pas du JSON valide (%1)</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="519"/>
        <source>the repository header has no format version</source>
        <translation>l’en-tête du dépôt n’a pas de version de format</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="523"/>
        <source>the repository header is incomplete</source>
        <translation>l’en-tête du dépôt est incomplet</translation>
    </message>
    <message>
        <location filename="../core/protocol/Records.cpp" line="531"/>
        <source>the repository header is encrypted but has no key</source>
        <translation>l’en-tête du dépôt indique un chiffrement mais n’a pas de clé</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="43"/>
        <source>truncated (compressed)</source>
        <translation>tronqué (compressé)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="51"/>
        <source>damaged (compressed length %1 for %2 bytes)</source>
        <translation>endommagé (longueur compressée %1 pour %2 octets)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="56"/>
        <source>damaged (does not decompress)</source>
        <translation>endommagé (ne se décompresse pas)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="62"/>
        <source>truncated (no final line)</source>
        <translation>tronqué (pas de ligne finale)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="70"/>
        <source>truncated (no end line)</source>
        <translation>tronqué (pas de ligne de fin)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="75"/>
        <source>damaged (checksum mismatch)</source>
        <translation>endommagé (somme de contrôle incorrecte)</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="81"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="88"/>
        <source>invalid header line</source>
        <translation>ligne d’en-tête invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="93"/>
        <source>format %1, this Escale reads formats %2 to %3</source>
        <translation>format %1, cette version d’Escale lit les formats %2 à %3</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="100"/>
        <source>expected a %1, found a &apos;%2&apos;</source>
        <translation>%1 attendu, &apos;%2&apos; trouvé</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="107"/>
        <source>invalid record line %1</source>
        <translation>ligne d’enregistrement %1 invalide</translation>
    </message>
    <message>
        <location filename="../core/protocol/TextObject.cpp" line="113"/>
        <source>record count mismatch</source>
        <translation>nombre d’enregistrements incohérent</translation>
    </message>
</context>
<context>
    <name>relay</name>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="43"/>
        <source>cannot reach %1 over SSH: %2</source>
        <translation>impossible de joindre %1 par SSH : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="44"/>
        <source>no host key</source>
        <translation>aucune clé d’hôte</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="49"/>
        <source>%1 host key</source>
        <translation>clé d’hôte %1</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="51"/>
        <source>this host key is not pinned (&apos;host key&apos;)</source>
        <translation>cette clé d’hôte n’est pas épinglée (&apos;host key&apos;)</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="70"/>
        <source>%1 uses neither TLS nor SSH: there is no certificate or key to trust</source>
        <translation>%1 n’utilise ni TLS ni SSH : il n’y a ni certificat ni clé à approuver</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="89"/>
        <source>cannot reach the FTP server %1: %2</source>
        <translation>impossible de joindre le serveur FTP %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="94"/>
        <source>%1 does not offer TLS (AUTH TLS)</source>
        <translation>%1 ne propose pas TLS (AUTH TLS)</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="102"/>
        <source>cannot reach %1 over TLS: %2</source>
        <translation>impossible de joindre %1 par TLS : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/PeerIdentity.cpp" line="110"/>
        <source>subject  %1
issuer   %2
valid    %3 to %4</source>
        <translation>sujet    %1
émetteur %2
valide   du %3 au %4</translation>
    </message>
    <message>
        <location filename="../core/relay/RelayCopy.cpp" line="56"/>
        <source>cannot create a temporary file: %1</source>
        <translation>impossible de créer un fichier temporaire : %1</translation>
    </message>
    <message>
        <location filename="../core/relay/RelayCopy.cpp" line="80"/>
        <source>%1 reads back different from %2 after copying it there</source>
        <translation>%1 ne se relit pas à l’identique depuis %2 après y avoir été copié</translation>
    </message>
    <message>
        <location filename="../core/relay/RelayFactory.cpp" line="54"/>
        <source>%1 relays are not supported by this version of Escale yet; use a folder relay (a local or mounted folder)</source>
        <translation>les relais %1 ne sont pas encore pris en charge par cette version d’Escale ; utilisez un relais de type dossier (un dossier local ou monté)</translation>
    </message>
    <message>
        <location filename="../core/relay/RelayJob.cpp" line="179"/>
        <source>invalid relay path &apos;%1&apos;</source>
        <translation>chemin de relais invalide &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="43"/>
        <source>cannot read a certificate in the &apos;ca certificate&apos; file %1: it must be PEM</source>
        <translation>impossible de lire un certificat dans le fichier &apos;ca certificate&apos; %1 : il doit être au format PEM</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="55"/>
        <source>cannot use the client certificate %1 with its key %2: both must be PEM, the key without a passphrase</source>
        <translation>impossible d’utiliser le certificat client %1 avec sa clé %2 : tous deux doivent être au format PEM, la clé sans phrase secrète</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="73"/>
        <source>the certificate of %1 is not trusted (%2; SHA-256 %3): if it is yours, trust it with &apos;certificate fingerprint = %3&apos; or a &apos;ca certificate&apos; file</source>
        <translation>le certificat de %1 n’est pas reconnu (%2 ; SHA-256 %3) : s’il est le vôtre, faites-lui confiance avec &apos;certificate fingerprint = %3&apos; ou un fichier &apos;ca certificate&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="135"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="208"/>
        <source>unknown host %1: check &apos;relay address&apos; and the network</source>
        <translation>hôte inconnu %1 : vérifiez &apos;relay address&apos; et le réseau</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="139"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="202"/>
        <source>%1 refused the connection (port %2): is the server running?</source>
        <translation>%1 a refusé la connexion (port %2) : le serveur est-il démarré ?</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="141"/>
        <source>TLS with %1 failed: %2</source>
        <translation>la connexion TLS avec %1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="149"/>
        <source>%1 refuses this client&apos;s certificate, or wants one (%2): set &apos;certificate&apos; and &apos;private key&apos; to one it accepts</source>
        <translation>%1 refuse le certificat de cette machine, ou en demande un (%2) : réglez &apos;certificate&apos; et &apos;private key&apos; sur un certificat qu’il accepte</translation>
    </message>
    <message>
        <location filename="../core/relay/RemoteAccess.cpp" line="152"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="644"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="669"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="681"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="88"/>
        <source>the relay folder %1 is not there: is the drive plugged in, the share mounted?</source>
        <translation>le dossier relais %1 est absent : le disque est-il branché, le partage monté ?</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="107"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="143"/>
        <source>%1: %2%3</source>
        <translation>%1 : %2%3</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="203"/>
        <source>no folder &apos;%1&apos;</source>
        <translation>aucun dossier &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="209"/>
        <source>cannot read the folder &apos;%1&apos;</source>
        <translation>impossible de lire le dossier &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="262"/>
        <source>cannot write the download: %1</source>
        <translation>impossible d’écrire ce qui est reçu : %1</translation>
    </message>
    <message>
        <location filename="../core/relay/folder/FolderRelay.cpp" line="304"/>
        <source>the source ended after %1 of %2 bytes</source>
        <translation>la source s’est arrêtée après %1 octets sur %2</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="72"/>
        <source>the FTP user name and password cannot hold line breaks</source>
        <translation>le nom d’utilisateur et le mot de passe FTP ne peuvent pas contenir de retour à la ligne</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="84"/>
        <source>the relay path cannot hold line breaks</source>
        <translation>le chemin du relais ne peut pas contenir de retour à la ligne</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="143"/>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="166"/>
        <source>%1: not found (%2)</source>
        <translation>%1 : introuvable (%2)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="146"/>
        <source>%1: %2 closed the connection (%3)</source>
        <translation>%1 : %2 a fermé la connexion (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="150"/>
        <source>%1: the data connection with %2 failed (%3)</source>
        <translation>%1 : la connexion de données avec %2 a échoué (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="152"/>
        <source>%1: busy on %2 (%3): retrying later</source>
        <translation>%1 : %2 est occupé (%3) : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="156"/>
        <source>%1: the storage of %2 is full (%3): free space there or raise its quota</source>
        <translation>%1 : le stockage de %2 est plein (%3) : libérez-y de la place ou augmentez son quota</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="160"/>
        <source>%1: %2 says this login may not (%3): check &apos;user&apos; and &apos;password&apos;</source>
        <translation>%1 : %2 ne l’autorise pas à ce compte (%3) : vérifiez &apos;user&apos; et &apos;password&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="165"/>
        <source>%1: %2 refuses it (%3): check the account&apos;s rights</source>
        <translation>%1 : %2 le refuse (%3) : vérifiez les droits du compte</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="168"/>
        <source>%1: %2 does not allow this name (%3)</source>
        <translation>%1 : %2 n’autorise pas ce nom (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="174"/>
        <source>%1: %2 failed for now (%3): retrying later</source>
        <translation>%1 : échec sur %2 pour l’instant (%3) : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="175"/>
        <source>%1: %2 answered %3</source>
        <translation>%1 : %2 a répondu %3</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="310"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="363"/>
        <source>listing the relay</source>
        <translation>liste du relais</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="310"/>
        <location filename="../core/relay/s3/S3Relay.cpp" line="240"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="363"/>
        <source>listing %1</source>
        <translation>liste de %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="331"/>
        <source>%1: the listing format of %2 is not understood (first line: %3)</source>
        <translation>%1 : le format de liste de %2 n’est pas compris (première ligne : %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="347"/>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="373"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="382"/>
        <source>reading %1</source>
        <translation>lecture de %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="402"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="405"/>
        <source>writing %1</source>
        <translation>écriture de %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="491"/>
        <location filename="../core/relay/http/HttpTransport.cpp" line="186"/>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="422"/>
        <location filename="../core/relay/s3/S3Relay.cpp" line="458"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="434"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="735"/>
        <source>%1: already exists</source>
        <translation>%1 : existe déjà</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="509"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="471"/>
        <source>deleting %1</source>
        <translation>suppression de %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="524"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="480"/>
        <source>creating folder %1</source>
        <translation>création du dossier %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="532"/>
        <source>creating folder %1 on %2</source>
        <translation>création du dossier %1 sur %2</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpRelay.cpp" line="550"/>
        <source>%1 (the path in &apos;relay address&apos; starts at the server&apos;s root; this login starts in %2)</source>
        <translation>%1 (le chemin de &apos;relay address&apos; part de la racine du serveur ; ce compte commence dans %2)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="67"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="212"/>
        <source>%1 sent nothing for %2 s: the server is too slow or the connection stalled (&apos;timeout&apos; to wait longer)</source>
        <translation>%1 n’a rien envoyé pendant %2 s : le serveur est trop lent ou la connexion est bloquée (&apos;timeout&apos; pour attendre plus longtemps)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="121"/>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="134"/>
        <source>%1 takes no more connections now (%2)</source>
        <translation>%1 n’accepte plus de connexion pour l’instant (%2)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="141"/>
        <source>%1 does not greet as an FTP server does (%2 %3)</source>
        <translation>l’accueil de %1 n’est pas celui d’un serveur FTP (%2 %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="152"/>
        <source>%1 does not offer TLS (AUTH TLS: %2 %3): use ftps:// only with a server that does, or ftp:// on a trusted network</source>
        <translation>%1 ne propose pas TLS (AUTH TLS : %2 %3) : n’utilisez ftps:// qu’avec un serveur qui le propose, ou ftp:// sur un réseau de confiance</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="157"/>
        <source>unexpected reply</source>
        <translation>réponse inattendue</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="187"/>
        <source>%1 takes no more connections for &apos;%2&apos; now (%3 %4)</source>
        <translation>%1 n’accepte plus de connexion pour &apos;%2&apos; pour l’instant (%3 %4)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="190"/>
        <source>%1 refuses the login of &apos;%2&apos; (%3 %4): check &apos;user&apos; and &apos;password&apos;</source>
        <translation>%1 refuse la connexion de &apos;%2&apos; (%3 %4) : vérifiez &apos;user&apos; et &apos;password&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="225"/>
        <source>%1 refuses binary transfers (TYPE I: %2 %3)</source>
        <translation>%1 refuse les transferts binaires (TYPE I : %2 %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="261"/>
        <source>%1 refuses to encrypt data connections (PROT P: %2 %3)</source>
        <translation>%1 refuse de chiffrer les connexions de données (PROT P : %2 %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="282"/>
        <source>the connection to %1 is closed</source>
        <translation>la connexion à %1 est fermée</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="322"/>
        <source>%1 sent a reply longer than %2 bytes: not an FTP server</source>
        <translation>%1 a envoyé une réponse de plus de %2 octets : ce n’est pas un serveur FTP</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="339"/>
        <source>%1 sent a line longer than %2 bytes: not an FTP server</source>
        <translation>%1 a envoyé une ligne de plus de %2 octets : ce n’est pas un serveur FTP</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="375"/>
        <source>%1 closed the connection before the login</source>
        <translation>%1 a fermé la connexion avant l’identification</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="376"/>
        <source>%1 closed the connection</source>
        <translation>%1 a fermé la connexion</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="379"/>
        <source>the connection to %1</source>
        <translation>la connexion à %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="464"/>
        <source>%1 gave no usable data port (%2 %3)</source>
        <translation>%1 n’a indiqué aucun port de données utilisable (%2 %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="502"/>
        <source>the data connection to %1</source>
        <translation>la connexion de données à %1</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="572"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="328"/>
        <source>the data to send ended after %1 of %2 bytes</source>
        <translation>les données à envoyer se sont arrêtées après %1 octets sur %2</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="617"/>
        <location filename="../core/relay/http/HttpTransport.cpp" line="549"/>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="346"/>
        <source>cannot store what %1 sent: %2</source>
        <translation>impossible d’enregistrer ce que %1 a envoyé : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/ftp/FtpSession.cpp" line="653"/>
        <source>%1 took %2 of %3 bytes</source>
        <translation>%1 a reçu %2 octets sur %3</translation>
    </message>
    <message>
        <location filename="../core/relay/http/DirectUpload.cpp" line="77"/>
        <source>the server closed the connection before its reply</source>
        <translation>le serveur a fermé la connexion avant sa réponse</translation>
    </message>
    <message>
        <location filename="../core/relay/http/DirectUpload.cpp" line="86"/>
        <source>aborted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <location filename="../core/relay/http/DirectUpload.cpp" line="109"/>
        <source>the data to send ended early</source>
        <translation>les données à envoyer se sont arrêtées trop tôt</translation>
    </message>
    <message>
        <location filename="../core/relay/http/DirectUpload.cpp" line="175"/>
        <source>the server&apos;s reply is not HTTP</source>
        <translation>la réponse du serveur n’est pas du HTTP</translation>
    </message>
    <message>
        <location filename="../core/relay/http/DirectUpload.cpp" line="243"/>
        <source>the server&apos;s reply is badly chunked</source>
        <translation>la réponse du serveur est mal découpée (chunked)</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="174"/>
        <source>%1: wrong user name or password for %2: check &apos;user&apos; and &apos;password&apos;</source>
        <translation>%1 : nom d’utilisateur ou mot de passe incorrect pour %2 : vérifiez &apos;user&apos; et &apos;password&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="179"/>
        <source>%1: %2 refuses it (403 Forbidden): check the account&apos;s rights</source>
        <translation>%1 : %2 le refuse (403 Forbidden) : vérifiez les droits du compte</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="182"/>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="221"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="427"/>
        <source>%1: not found</source>
        <translation>%1 : introuvable</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="184"/>
        <source>%1: its folder does not exist (409 Conflict)</source>
        <translation>%1 : son dossier n’existe pas (409 Conflict)</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="188"/>
        <source>%1: locked on the server (423): retrying later</source>
        <translation>%1 : verrouillé sur le serveur (423) : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="193"/>
        <source>%1: %2 is busy (%3): retrying later</source>
        <translation>%1 : %2 est occupé (%3) : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="196"/>
        <source>%1: the storage of %2 is full (507 Insufficient Storage): free space there or raise its quota</source>
        <translation>%1 : le stockage de %2 est plein (507 Insufficient Storage) : libérez-y de la place ou augmentez son quota</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="203"/>
        <source>%1: %2 failed (HTTP %3): retrying later</source>
        <translation>%1 : échec sur %2 (HTTP %3) : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="205"/>
        <source>%1: %2 answered HTTP %3</source>
        <translation>%1 : %2 a répondu HTTP %3</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="536"/>
        <source>%1: the server redirects it to another server (%2), which is not followed: use that address in &apos;relay address&apos; if it is the right one</source>
        <translation>%1 : le serveur redirige la requête vers un autre serveur (%2), ce qui n’est pas suivi : mettez cette adresse dans &apos;relay address&apos; si c’est la bonne</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="542"/>
        <source>%1: the connection broke after %2 bytes and the server did not resume the reply (HTTP %3): it is read again later</source>
        <translation>%1 : la connexion a été coupée après %2 octets et le serveur n’a pas repris la réponse (HTTP %3) : elle sera relue plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="551"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="402"/>
        <source>%1: %2 sent nothing for %3 s: the server is too slow or the connection stalled (&apos;timeout&apos; to wait longer)</source>
        <translation>%1 : %2 n’a rien envoyé pendant %3 s : le serveur est trop lent ou la connexion est bloquée (&apos;timeout&apos; pour attendre plus longtemps)</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="559"/>
        <source>%1: the connection broke after %2 bytes of the reply (%3)</source>
        <translation>%1 : la connexion a été coupée après %2 octets de la réponse (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/http/HttpTransport.cpp" line="564"/>
        <source>%1: the data to send ended after %2 of %3 bytes</source>
        <translation>%1 : les données à envoyer se sont arrêtées après %2 octets sur %3</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="102"/>
        <source>cannot run %1 (%2): install rclone, or set &apos;rclone binary&apos; to it</source>
        <translation>impossible d’exécuter %1 (%2) : installez rclone, ou indiquez son chemin dans &apos;rclone binary&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="107"/>
        <source>rclone stopped (%1)</source>
        <translation>rclone s’est arrêté (%1)</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="169"/>
        <source>rclone did not start within %1 s</source>
        <translation>rclone n’a pas démarré en %1 s</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="224"/>
        <source>rclone has no remote named &apos;%1&apos;: create it with &apos;rclone config&apos;, or set &apos;rclone config&apos; to the file that has it</source>
        <translation>rclone n’a aucun remote nommé &apos;%1&apos; : créez-le avec &apos;rclone config&apos;, ou indiquez dans &apos;rclone config&apos; le fichier qui le contient</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="231"/>
        <source>%1: the rclone remote &apos;%2&apos; refuses it (%3): check its credentials with &apos;rclone config reconnect %2:&apos; or &apos;rclone config&apos;</source>
        <translation>%1 : le remote rclone &apos;%2&apos; le refuse (%3) : vérifiez ses identifiants avec &apos;rclone config reconnect %2:&apos; ou &apos;rclone config&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="238"/>
        <source>%1: the rclone remote &apos;%2&apos; is full (%3): free space there or raise its quota</source>
        <translation>%1 : le remote rclone &apos;%2&apos; est plein (%3) : libérez-y de la place ou augmentez son quota</translation>
    </message>
    <message>
        <location filename="../core/relay/rclone/RcloneRelay.cpp" line="241"/>
        <source>%1: rclone: %2: retrying later</source>
        <translation>%1 : rclone : %2 : nouvel essai plus tard</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="24"/>
        <source>the S3 address names no bucket: write s3://HOST/BUCKET/FOLDER</source>
        <translation>l’adresse S3 ne nomme aucun bucket : écrivez s3://HÔTE/BUCKET/DOSSIER</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="49"/>
        <source>no S3 credentials: set &apos;user&apos; (the access key) and &apos;password&apos; (the secret key), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY</source>
        <translation>aucun identifiant S3 : réglez &apos;user&apos; (la clé d’accès) et &apos;password&apos; (la clé secrète), ou AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="111"/>
        <source>the bucket &apos;%1&apos; does not exist on %2: create it, or check &apos;relay address&apos;</source>
        <translation>le bucket &apos;%1&apos; n’existe pas sur %2 : créez-le, ou vérifiez &apos;relay address&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="116"/>
        <source>%1: %2 refuses the credentials (%3): check the access key (&apos;user&apos;) and the secret key (&apos;password&apos;)</source>
        <translation>%1 : %2 refuse les identifiants (%3) : vérifiez la clé d’accès (&apos;user&apos;) et la clé secrète (&apos;password&apos;)</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="122"/>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="189"/>
        <source>the bucket listing is not valid XML: %1</source>
        <translation>la liste du bucket n’est pas du XML valide : %1</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="257"/>
        <source>%1: nothing there</source>
        <translation>%1 : rien à cet endroit</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="326"/>
        <source>%1: the server started a multipart upload without an upload id</source>
        <translation>%1 : le serveur a commencé un envoi en plusieurs parties sans identifiant d’envoi</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="354"/>
        <source>%1: the data to send ended %2 bytes early</source>
        <translation>%1 : les données à envoyer se sont arrêtées %2 octets trop tôt</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="369"/>
        <source>%1: the server sent no ETag for a part</source>
        <translation>%1 : le serveur n’a envoyé aucun ETag pour une partie</translation>
    </message>
    <message>
        <location filename="../core/relay/s3/S3Relay.cpp" line="400"/>
        <source>%1: the server could not assemble the parts</source>
        <translation>%1 : le serveur n’a pas pu assembler les parties</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="216"/>
        <source>cannot connect to %1 over SSH: %2</source>
        <translation>impossible de se connecter à %1 par SSH : %2</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="253"/>
        <source>cannot start an SSH session (out of memory)</source>
        <translation>impossible de démarrer une session SSH (mémoire insuffisante)</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="273"/>
        <source>%1 offers no SFTP to &apos;%2&apos; (%3): check that its SSH server has the sftp subsystem</source>
        <translation>%1 ne propose pas SFTP à &apos;%2&apos; (%3) : vérifiez que son serveur SSH a le sous-système sftp</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="294"/>
        <source>the host key of %1 is NOT the one in &apos;host key&apos; (it presents %2 %3): someone may be in the middle. If the server was reinstalled, check its new key there (ssh-keygen -lf) and set &apos;host key = %3&apos;</source>
        <translation>la clé d’hôte de %1 n’est PAS celle de &apos;host key&apos; (le serveur présente %2 %3) : quelqu’un pourrait s’être interposé. Si le serveur a été réinstallé, vérifiez sa nouvelle clé sur place (ssh-keygen -lf) et réglez &apos;host key = %3&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="306"/>
        <source>the host key of %1 has CHANGED (it presents %2 %3, %4 knows another): someone may be in the middle. If the server was reinstalled, check its new key there (ssh-keygen -lf) and replace its line in %4, or set &apos;host key = %3&apos;</source>
        <translation>la clé d’hôte de %1 a CHANGÉ (le serveur présente %2 %3, %4 en connaît une autre) : quelqu’un pourrait s’être interposé. Si le serveur a été réinstallé, vérifiez sa nouvelle clé sur place (ssh-keygen -lf) et remplacez sa ligne dans %4, ou réglez &apos;host key = %3&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="313"/>
        <source>the host key of %1 is unknown (%2 %3, not in %4): check it on the server (ssh-keygen -lf), then trust it with &apos;host key = %3&apos; or &apos;escalectl trust&apos;</source>
        <translation>la clé d’hôte de %1 est inconnue (%2 %3, absente de %4) : vérifiez-la sur le serveur (ssh-keygen -lf), puis faites-lui confiance avec &apos;host key = %3&apos; ou &apos;escalectl trust&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="318"/>
        <source>cannot check the host key of %1 against %2: %3</source>
        <translation>impossible de comparer la clé d’hôte de %1 à %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="343"/>
        <source>cannot unlock the private key %1: wrong passphrase (it is &apos;password&apos;), or not an SSH key</source>
        <translation>impossible de déverrouiller la clé privée %1 : phrase secrète incorrecte (c’est &apos;password&apos;), ou ce n’est pas une clé SSH</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="346"/>
        <source>cannot read the private key %1</source>
        <translation>impossible de lire la clé privée %1</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="355"/>
        <source>%1 refuses the login of &apos;%2&apos; with the key %3: check &apos;user&apos;, and that the key&apos;s public half is in the account&apos;s authorized_keys</source>
        <translation>%1 refuse la connexion de &apos;%2&apos; avec la clé %3 : vérifiez &apos;user&apos;, et que la partie publique de la clé figure dans le fichier authorized_keys du compte</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="365"/>
        <source>ssh-agent and ~/.ssh keys</source>
        <translation>ssh-agent et les clés de ~/.ssh</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="373"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="385"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="387"/>
        <source>check &apos;user&apos; and &apos;password&apos;, or set &apos;private key&apos;</source>
        <translation>vérifiez &apos;user&apos; et &apos;password&apos;, ou réglez &apos;private key&apos;</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="392"/>
        <source>%1 refuses the login of &apos;%2&apos; (tried: %3): %4</source>
        <translation>%1 refuse la connexion de &apos;%2&apos; (méthodes essayées : %3) : %4</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="394"/>
        <source>nothing it accepts</source>
        <translation>rien de ce qu’il accepte</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="417"/>
        <source>%1: the connection to %2 broke (%3)</source>
        <translation>%1 : la connexion à %2 a été coupée (%3)</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="431"/>
        <source>%1: %2 refuses it (permission denied): check the account&apos;s rights</source>
        <translation>%1 : %2 le refuse (permission refusée) : vérifiez les droits du compte</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="438"/>
        <source>%1: the storage of %2 is full: free space there or raise its quota</source>
        <translation>%1 : le stockage de %2 est plein : libérez-y de la place ou augmentez son quota</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="443"/>
        <source>%1: %2 failed it (SFTP status %3: a full disk, or a name it refuses)</source>
        <translation>%1 : échec sur %2 (statut SFTP %3 : un disque plein, ou un nom qu’il refuse)</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="444"/>
        <source>%1: %2 failed it (SFTP status %3)</source>
        <translation>%1 : échec sur %2 (statut SFTP %3)</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="549"/>
        <source>%1: the file ended after %2 of %3 bytes</source>
        <translation>%1 : le fichier s’est terminé après %2 octets sur %3</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="562"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="680"/>
        <source>%1: stopped</source>
        <translation>%1 : arrêté</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="650"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="657"/>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="703"/>
        <source>the connection ended while writing</source>
        <translation>la connexion s’est interrompue pendant l’écriture</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="654"/>
        <source>the server answered a write with an unexpected message</source>
        <translation>le serveur a répondu à une écriture par un message inattendu</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="776"/>
        <source>%1: a file has the folder&apos;s name</source>
        <translation>%1 : un fichier porte le nom du dossier</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpConnection.cpp" line="805"/>
        <source>cannot start an SSH session</source>
        <translation>impossible de démarrer une session SSH</translation>
    </message>
    <message>
        <location filename="../core/relay/sftp/SftpRelay.cpp" line="66"/>
        <source>no SSH login: set &apos;user&apos; (or write it in the address: sftp://USER@HOST/...)</source>
        <translation>aucun identifiant SSH : réglez &apos;user&apos; (ou écrivez-le dans l’adresse : sftp://UTILISATEUR@HÔTE/...)</translation>
    </message>
    <message>
        <location filename="../core/relay/webdav/WebDavRelay.cpp" line="116"/>
        <source>the server&apos;s folder listing is not valid XML: %1</source>
        <translation>la liste de dossier du serveur n’est pas du XML valide : %1</translation>
    </message>
    <message>
        <location filename="../core/relay/webdav/WebDavRelay.cpp" line="280"/>
        <source>cannot create %1 on the server: its parent folder does not exist; create it, or check &apos;relay address&apos;</source>
        <translation>impossible de créer %1 sur le serveur : son dossier parent n’existe pas ; créez-le, ou vérifiez &apos;relay address&apos;</translation>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <location filename="../core/scan/Hasher.cpp" line="47"/>
        <location filename="../core/scan/Hasher.cpp" line="77"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/scan/Scanner.cpp" line="43"/>
        <source>cannot read the folder %1: %2</source>
        <translation>impossible de lire le dossier %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/scan/Scanner.cpp" line="70"/>
        <source>%1%2 is not synchronised: the name is not valid UTF-8</source>
        <translation>%1%2 n’est pas synchronisé : le nom n’est pas en UTF-8 valide</translation>
    </message>
    <message>
        <location filename="../core/scan/Scanner.cpp" line="102"/>
        <source>%1: a name in another Unicode form exists beside it; rename one of them</source>
        <translation>%1 : un nom sous une autre forme Unicode existe à côté ; renommez l’un des deux</translation>
    </message>
    <message>
        <location filename="../core/scan/Scanner.cpp" line="112"/>
        <source>%1 is not synchronised: %2</source>
        <translation>%1 n’est pas synchronisé : %2</translation>
    </message>
    <message>
        <location filename="../core/scan/Scanner.cpp" line="217"/>
        <source>cannot read %1 (not sent until it can be read)</source>
        <translation>impossible de lire %1 (pas envoyé tant qu’il ne peut pas être lu)</translation>
    </message>
</context>
<context>
    <name>setup</name>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="52"/>
        <source>&apos;%1&apos;: %2</source>
        <translation>&apos;%1&apos; : %2</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="73"/>
        <location filename="../core/setup/NewRepository.cpp" line="79"/>
        <location filename="../core/setup/NewRepository.cpp" line="391"/>
        <location filename="../core/setup/NewRepository.cpp" line="399"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="129"/>
        <source>the section [%1] cannot be read back</source>
        <translation>la section [%1] ne peut pas être relue</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="158"/>
        <source>fill in the folder</source>
        <translation>indiquez le dossier</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="160"/>
        <source>the folder must be a full path (starting with /)</source>
        <translation>le dossier doit être un chemin complet (commençant par /)</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="168"/>
        <source>fill in the address</source>
        <translation>indiquez l’adresse</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="176"/>
        <source>the address is not a WebDAV URL such as https://cloud.example.com/remote.php/dav/files/alice/escale</source>
        <translation>l’adresse n’est pas une URL WebDAV telle que https://cloud.example.com/remote.php/dav/files/alice/escale</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="186"/>
        <source>fill in the endpoint</source>
        <translation>indiquez le point d’accès</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="193"/>
        <source>the endpoint is not an address such as https://s3.eu-west-1.amazonaws.com</source>
        <translation>le point d’accès n’est pas une adresse telle que https://s3.eu-west-1.amazonaws.com</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="200"/>
        <source>fill in the bucket</source>
        <translation>indiquez le bucket</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="210"/>
        <source>fill in the server</source>
        <translation>indiquez le serveur</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="212"/>
        <source>the server is a host name or an address, without &apos;/&apos; or &apos;@&apos;</source>
        <translation>le serveur est un nom d’hôte ou une adresse, sans &apos;/&apos; ni &apos;@&apos;</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="223"/>
        <source>the remote is written NAME:path, as rclone names it</source>
        <translation>le remote s’écrit NOM:chemin, comme rclone le nomme</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="234"/>
        <source>fill in the access key</source>
        <translation>indiquez la clé d’accès</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="235"/>
        <source>fill in the user name</source>
        <translation>indiquez le nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="262"/>
        <source>give the repository a name</source>
        <translation>donnez un nom au dépôt</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="264"/>
        <source>a name has letters, digits, spaces, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64), and starts with a letter or a digit</source>
        <translation>un nom se compose de lettres, de chiffres, d’espaces, de &apos;.&apos;, &apos;_&apos; ou &apos;-&apos; (64 au plus), et commence par une lettre ou un chiffre</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="269"/>
        <source>&apos;%1&apos; is reserved for the file&apos;s general settings</source>
        <translation>&apos;%1&apos; est réservé aux réglages généraux du fichier</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="272"/>
        <source>the configuration already has a repository named &apos;%1&apos;</source>
        <translation>la configuration a déjà un dépôt nommé &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="325"/>
        <location filename="../core/setup/NewRepository.cpp" line="343"/>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="370"/>
        <source>the keychain</source>
        <translation>le trousseau</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="380"/>
        <source>the keychain cannot keep the password: %1</source>
        <translation>le trousseau ne peut pas garder le mot de passe : %1</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="381"/>
        <source>the keychain cannot keep the passphrase: %1</source>
        <translation>le trousseau ne peut pas garder la phrase secrète : %1</translation>
    </message>
    <message>
        <location filename="../core/setup/NewRepository.cpp" line="405"/>
        <source>%1 was written but its section [%2] cannot be read back</source>
        <translation>%1 a été écrit mais sa section [%2] ne peut pas être relue</translation>
    </message>
    <message>
        <location filename="../core/setup/RelayProbe.cpp" line="103"/>
        <source>wrong passphrase: it does not open this repository</source>
        <translation>phrase secrète incorrecte : elle n’ouvre pas ce dépôt</translation>
    </message>
</context>
<context>
    <name>state</name>
    <message>
        <location filename="../core/state/StateDb.cpp" line="20"/>
        <source>the state database %1 cannot grow: its disk is full (%2). Free some room on it; Escale tries again, and nothing is lost</source>
        <translation>la base de données d’état %1 ne peut pas grandir : son disque est plein (%2). Libérez de la place dessus ; Escale réessaie, et rien n’est perdu</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="25"/>
        <source>the state database %1 cannot be written (%2): the file, its folder or its disk is read-only. Make it writable; Escale tries again, and nothing is lost</source>
        <translation>la base de données d’état %1 ne peut pas être écrite (%2) : le fichier, son dossier ou son disque est en lecture seule. Rendez-le accessible en écriture ; Escale réessaie, et rien n’est perdu</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="30"/>
        <source>the state database %1 is damaged (%2): stop Escale and move it away, with its -wal and -shm files; at the next start the folder&apos;s files are compared with the repository&apos;s, and nothing is lost</source>
        <translation>la base de données d’état %1 est endommagée (%2) : arrêtez Escale et déplacez-la ailleurs, avec ses fichiers -wal et -shm ; au prochain démarrage, les fichiers du dossier sont comparés à ceux du dépôt, et rien n’est perdu</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="36"/>
        <source>the state database %1 failed: %2</source>
        <translation>la base de données d’état %1 a échoué : %2</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="73"/>
        <source>a version does not read: %1</source>
        <translation>une version est illisible : %1</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="95"/>
        <source>cannot open the state database %1: %2</source>
        <translation>impossible d’ouvrir la base de données d’état %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="96"/>
        <source>out of memory</source>
        <translation>mémoire insuffisante</translation>
    </message>
    <message>
        <location filename="../core/state/StateDb.cpp" line="154"/>
        <source>cannot use %1</source>
        <translation>impossible d’utiliser %1</translation>
    </message>
    <message>
        <location filename="../core/state/Statement.h" line="49"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location filename="../core/state/Statement.h" line="69"/>
        <source>cannot prepare &apos;%1&apos;</source>
        <translation>impossible de préparer &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../core/sync/AccessFlags.cpp" line="38"/>
        <source>an empty access modifier</source>
        <translation>un modificateur d’accès vide</translation>
    </message>
    <message>
        <location filename="../core/sync/AccessFlags.cpp" line="44"/>
        <source>&apos;%1&apos; is not an access modifier: use r+, r-, r? (send) and w+, w-, w? (receive)</source>
        <translation>&apos;%1&apos; n’est pas un modificateur d’accès : utilisez r+, r-, r? (envoi) et w+, w-, w? (réception)</translation>
    </message>
    <message>
        <location filename="../core/sync/Conflicts.cpp" line="69"/>
        <source>cannot rename %1 to %2: %3</source>
        <translation>impossible de renommer %1 en %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/sync/Conflicts.cpp" line="98"/>
        <source>%1 is not there any more (resolved already?)</source>
        <translation>%1 n’est plus là (déjà résolu ?)</translation>
    </message>
    <message>
        <location filename="../core/sync/Conflicts.cpp" line="105"/>
        <source>kept %1 as it is; %2&apos;s version went to the local archive</source>
        <translation>%1 gardé tel quel ; la version de %2 est partie dans l’archive locale</translation>
    </message>
    <message>
        <location filename="../core/sync/Conflicts.cpp" line="113"/>
        <source>%1 now holds %2&apos;s version; the one it replaced went to the local archive</source>
        <translation>%1 contient maintenant la version de %2 ; celle qu’elle a remplacée est partie dans l’archive locale</translation>
    </message>
    <message>
        <location filename="../core/sync/Conflicts.cpp" line="120"/>
        <source>kept both: %1, and %2&apos;s version as %3</source>
        <translation>les deux sont gardées : %1, et la version de %2 sous le nom %3</translation>
    </message>
    <message>
        <location filename="../core/sync/HeaderOnRelay.cpp" line="29"/>
        <source>the repository is in format %1; this Escale reads formats %2 to %3</source>
        <translation>le dépôt est au format %1 ; cette version d’Escale lit les formats %2 à %3</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalArchive.cpp" line="54"/>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalArchive.cpp" line="74"/>
        <source>cannot keep %1 in the archive: cannot create a folder there</source>
        <translation>impossible de garder %1 dans l’archive : impossible d’y créer un dossier</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalArchive.cpp" line="87"/>
        <location filename="../core/sync/LocalArchive.cpp" line="113"/>
        <source>cannot move %1 to the archive: %2</source>
        <translation>impossible de déplacer %1 dans l’archive : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalArchive.cpp" line="96"/>
        <location filename="../core/sync/LocalArchive.cpp" line="121"/>
        <source>cannot keep %1 in the archive: %2</source>
        <translation>impossible de garder %1 dans l’archive : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/LocalArchive.cpp" line="124"/>
        <source>cannot keep %1 in the archive: too many versions of it there</source>
        <translation>impossible de garder %1 dans l’archive : il y en a déjà trop de versions</translation>
    </message>
    <message>
        <location filename="../core/sync/RepositoryRunner.cpp" line="38"/>
        <source>cannot open %1: %2</source>
        <translation>impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/RepositoryRunner.cpp" line="48"/>
        <source>cannot lock %1: %2</source>
        <translation>impossible de verrouiller %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/RepositoryRunner.cpp" line="50"/>
        <source>another Escale (process %1) already syncs this repository with the state %2: stop it first (escalectl stop, or systemctl stop), or give this one its own &apos;state dir&apos;</source>
        <translation>un autre Escale (processus %1) synchronise déjà ce dépôt avec l’état %2 : arrêtez-le d’abord (escalectl stop, ou systemctl stop), ou donnez à celui-ci son propre &apos;state dir&apos;</translation>
    </message>
    <message>
        <location filename="../core/sync/RepositoryRunner.cpp" line="54"/>
        <source>another Escale already syncs this repository with the state %1: stop it first (escalectl stop, or systemctl stop), or give this one its own &apos;state dir&apos;</source>
        <translation>un autre Escale synchronise déjà ce dépôt avec l’état %1 : arrêtez-le d’abord (escalectl stop, ou systemctl stop), ou donnez à celui-ci son propre &apos;state dir&apos;</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="247"/>
        <source>the local folder %1 is a file, not a folder: check &apos;local path&apos;</source>
        <translation>le dossier local %1 est un fichier, pas un dossier : vérifiez &apos;local path&apos;</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="249"/>
        <location filename="../core/sync/engine/LocalChanges.cpp" line="79"/>
        <source>the local folder %1 does not exist: create it, or mount the disk it is on</source>
        <translation>le dossier local %1 n’existe pas : créez-le, ou montez le disque où il se trouve</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="258"/>
        <source>the local folder %1 is on a read-only file system: nothing can be received there%2</source>
        <translation>le dossier local %1 est sur un système de fichiers en lecture seule : rien ne peut y être reçu%2</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="300"/>
        <source>cannot write %1 (it tells an unmounted disk from an emptied folder): %2</source>
        <translation>impossible d’écrire %1 (il distingue un disque démonté d’un dossier vidé) : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/SyncEngine.cpp" line="352"/>
        <source>%1: its content is asked for again (gone or damaged on the relay)</source>
        <translation>%1 : son contenu est demandé à nouveau (disparu ou endommagé sur le relais)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="269"/>
        <source>%1: its content is no longer on the relay; asked the others to send it again</source>
        <translation>%1 : son contenu n’est plus sur le relais ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="273"/>
        <source>cannot download %1: %2</source>
        <translation>impossible de recevoir %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="276"/>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="433"/>
        <source>%1: a chunk from the relay failed its check; it will be fetched again</source>
        <translation>%1 : un fragment venu du relais n’a pas passé sa vérification ; il sera récupéré à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="310"/>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="690"/>
        <location filename="../core/sync/engine/Materializer.cpp" line="510"/>
        <location filename="../core/sync/engine/Materializer.cpp" line="550"/>
        <location filename="../core/sync/engine/Materializer.cpp" line="697"/>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="371"/>
        <source>%1: left for the next start</source>
        <translation>%1 : laissé pour le prochain démarrage</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="529"/>
        <source>cannot write in %1: %2</source>
        <translation>impossible d’écrire dans %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="592"/>
        <source>%1: its first pieces are not here; asked the others to send it again</source>
        <translation>%1 : ses premiers morceaux ne sont pas ici ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="599"/>
        <source>%1: its first pieces are lost; asked the others to send it again</source>
        <translation>%1 : ses premiers morceaux sont perdus ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="621"/>
        <source>%1: the file assembled from pieces failed its check; asked the others to send it again</source>
        <translation>%1 : le fichier reconstitué à partir des morceaux n’a pas passé sa vérification ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="638"/>
        <source>%1: the content is not on the relay; asked the others to send it again</source>
        <translation>%1 : le contenu n’est pas sur le relais ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/ContentFetcher.cpp" line="684"/>
        <source>%1: the downloaded content failed its check; asked the others to send it again</source>
        <translation>%1 : le contenu reçu n’a pas passé sa vérification ; les autres machines sont priées de l’envoyer à nouveau</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/LocalChanges.cpp" line="111"/>
        <source>the folder %1 lost its marker .escale-folder: is the disk mounted? If you emptied it on purpose, confirm the deletions (escalectl confirm-deletions, or escale --confirm-deletions)</source>
        <translation>le dossier %1 a perdu son marqueur .escale-folder : le disque est-il monté ? Si vous l’avez vidé exprès, confirmez les suppressions (escalectl confirm-deletions, ou escale --confirm-deletions)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/LocalChanges.cpp" line="148"/>
        <source>%1 of %2 files are gone from %3 within the last hour: their deletion waits for confirmation (escalectl confirm-deletions, the activity window, or escale --confirm-deletions)</source>
        <translation>%1 fichiers sur %2 ont disparu de %3 au cours de la dernière heure : leur suppression attend une confirmation (escalectl confirm-deletions, la fenêtre d’activité, ou escale --confirm-deletions)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/LocalChanges.cpp" line="151"/>
        <source>%1 of %2 files are gone from %3: their deletion waits for confirmation (escalectl confirm-deletions, the activity window, or escale --confirm-deletions)</source>
        <translation>%1 fichiers sur %2 ont disparu de %3 : leur suppression attend une confirmation (escalectl confirm-deletions, la fenêtre d’activité, ou escale --confirm-deletions)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/LocalFiles.cpp" line="153"/>
        <source>the disk is full (free some room on it; nothing was replaced)</source>
        <translation>le disque est plein (libérez de la place dessus ; rien n’a été remplacé)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/LocalFiles.cpp" line="155"/>
        <source>the disk is read-only</source>
        <translation>le disque est en lecture seule</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="152"/>
        <source>%1 is not written here: this file system does not tell it apart from %2; rename one of them on another machine</source>
        <translation>%1 n’est pas écrit ici : ce système de fichiers ne le distingue pas de %2 ; renommez l’un des deux sur une autre machine</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="191"/>
        <source>%1 cannot be read here (%2): it stays as it is, and the version from another machine waits until it can be read (check its permissions)</source>
        <translation>%1 ne peut pas être lu ici (%2) : il reste tel quel, et la version d’une autre machine attend qu’il puisse être lu (vérifiez ses permissions)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="195"/>
        <source>%1 cannot be read here (%2): it stays as it is, and the version from %3 waits until it can be read (check its permissions)</source>
        <translation>%1 ne peut pas être lu ici (%2) : il reste tel quel, et la version de %3 attend qu’il puisse être lu (vérifiez ses permissions)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="203"/>
        <location filename="../core/sync/engine/Materializer.cpp" line="676"/>
        <source>%1 changed locally meanwhile; it will be compared on the next pass</source>
        <translation>%1 a été modifié localement entre-temps ; il sera comparé à la prochaine synchronisation</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="212"/>
        <source>kept this machine&apos;s version of %1 (conservative mode)</source>
        <translation>la version de %1 de cette machine est gardée (mode prudent)</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="241"/>
        <location filename="../core/sync/engine/Materializer.cpp" line="269"/>
        <source>%1: its conflict copy %2 cannot be written yet</source>
        <translation>%1 : sa copie de conflit %2 ne peut pas encore être écrite</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="340"/>
        <source>cannot change the permissions of %1: %2</source>
        <translation>impossible de changer les permissions de %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="370"/>
        <source>%1 is a folder here: the file from %2 waits to be written beside it</source>
        <translation>%1 est un dossier ici : le fichier de %2 attend d’être écrit à côté</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="487"/>
        <source>refused %1: it leads through a symbolic link in the folder</source>
        <translation>%1 refusé : il passe par un lien symbolique du dossier</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="597"/>
        <source>%1 is a file here, a folder elsewhere</source>
        <translation>%1 est un fichier ici, un dossier ailleurs</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="612"/>
        <source>cannot create the folder %1: %2</source>
        <translation>impossible de créer le dossier %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="660"/>
        <source>cannot flush %1 to disk: %2</source>
        <translation>impossible de vider les écritures de %1 sur le disque : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Materializer.cpp" line="688"/>
        <source>%1 is not replaced: %2</source>
        <translation>%1 n’est pas remplacé : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="36"/>
        <location filename="../core/sync/engine/Puller.cpp" line="50"/>
        <source>cannot list the relay: %1</source>
        <translation>impossible de lister le relais : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="64"/>
        <source>cannot list this client&apos;s journal on the relay: %1</source>
        <translation>impossible de lister le journal de cette machine sur le relais : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="111"/>
        <source>cannot read this client&apos;s journal on the relay: %1</source>
        <translation>impossible de lire le journal de cette machine sur le relais : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="114"/>
        <source>cannot take back %1 (%2): later segments of this client are numbered after it</source>
        <translation>impossible de reprendre %1 (%2) : les segments suivants de cette machine sont numérotés après lui</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="247"/>
        <source>%1: taken back from the relay</source>
        <translation>%1 : repris du relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="287"/>
        <source>%1 cannot read %2: a snapshot that stands for it is sent</source>
        <translation>%1 ne peut pas lire %2 : un instantané qui le remplace est envoyé</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/OwnJournal.cpp" line="298"/>
        <source>another machine writes to %1 under this client&apos;s identity (its state %2 was copied, or restored on two machines): nothing more is written. To go on as a new client on this machine, stop Escale, move %2 away and start again; the files of %3 are compared with the repository&apos;s, nothing is lost</source>
        <translation>une autre machine écrit sur %1 sous l’identité de celle-ci (son état %2 a été copié, ou restauré sur deux machines) : plus rien n’est écrit. Pour continuer comme une nouvelle machine sur celle-ci, arrêtez Escale, déplacez %2 ailleurs et redémarrez ; les fichiers de %3 sont comparés à ceux du dépôt, rien n’est perdu</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="67"/>
        <source>this client was removed from the repository on %1 (escalectl forget-client): it writes nothing more there. To join again as a new client, move its state %2 away and restart Escale; the files of %3 are compared with the repository&apos;s, nothing is lost</source>
        <translation>cette machine a été retirée du dépôt sur %1 (escalectl forget-client) : elle n’y écrit plus rien. Pour le rejoindre à nouveau comme nouvelle machine, déplacez son état %2 ailleurs et redémarrez Escale ; les fichiers de %3 sont comparés à ceux du dépôt, rien n’est perdu</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="127"/>
        <source>the relay shows an older head of %1 (generation %2, already saw %3): refused as a possible replay</source>
        <translation>le relais montre une tête plus ancienne de %1 (génération %2, %3 déjà vue) : refusée comme rejeu possible</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="140"/>
        <source>cannot read the head of %1: %2</source>
        <translation>impossible de lire la tête de %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="149"/>
        <source>head %1 is invalid (mismatch); waiting for a good one</source>
        <translation>la tête %1 n’est pas valide (incohérente) ; en attente d’une tête valide</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="150"/>
        <source>head %1 is invalid (%2); waiting for a good one</source>
        <translation>la tête %1 n’est pas valide (%2) ; en attente d’une tête valide</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="155"/>
        <source>the head of %1 names journal %2 after %3: refused as a possible replay</source>
        <translation>la tête de %1 nomme le journal %2 après %3 : refusée comme rejeu possible</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="198"/>
        <source>%1 of %2 is missing from the relay although its head names it; %2 is asked to send what it holds</source>
        <translation>%1 de %2 manque sur le relais bien que sa tête le nomme ; il est demandé à la machine %2 d’envoyer tout ce qu’elle détient</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="201"/>
        <source>%1 of %2 is damaged (%3); %2 is asked to send what it holds</source>
        <translation>%1 de %2 est endommagé (%3) ; il est demandé à la machine %2 d’envoyer tout ce qu’elle détient</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="282"/>
        <source>cannot read %1 of %2: %3</source>
        <translation>impossible de lire %1 de %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="305"/>
        <source>cannot use the snapshot %1 of %2 (%3); waiting</source>
        <translation>impossible d’utiliser l’instantané %1 de %2 (%3) ; en attente</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="335"/>
        <source>%1 of %2: %3; record skipped</source>
        <translation>%1 de %2 : %3 ; enregistrement ignoré</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="342"/>
        <source>refused a path from %1 (%2): %3</source>
        <translation>chemin venu de %1 refusé (%2) : %3</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Puller.cpp" line="415"/>
        <source>%1 does not check (%2): ignored</source>
        <translation>%1 ne passe pas la vérification (%2) : ignoré</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="137"/>
        <source>waiting for relay space: 1 file (%1) not sent yet, %2 of the %3 of &apos;disk quota&apos; in use; they go as the other clients take what is there and it is freed</source>
        <translation>en attente de place sur le relais : 1 fichier (%1) pas encore envoyé, %2 des %3 de &apos;disk quota&apos; utilisés ; il partira quand les autres machines auront pris ce qui s’y trouve et que la place sera libérée</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="142"/>
        <source>waiting for relay space: %1 files (%2) not sent yet, %3 of the %4 of &apos;disk quota&apos; in use; they go as the other clients take what is there and it is freed</source>
        <translation>en attente de place sur le relais : %1 fichiers (%2) pas encore envoyés, %3 des %4 de &apos;disk quota&apos; utilisés ; ils partiront quand les autres machines auront pris ce qui s’y trouve et que la place sera libérée</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="299"/>
        <source>cannot publish the journal: %1</source>
        <translation>impossible de publier le journal : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="399"/>
        <source>%1 is larger than the relay quota (%2): sent in pieces, %3 of %4 so far; waiting for the others to take the last one</source>
        <translation>%1 dépasse le quota du relais (%2) : envoyé en morceaux, %3 sur %4 jusqu’ici ; en attente que les autres machines prennent le dernier</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="575"/>
        <source>the relay is full (%1): %2 and the larger files after it wait for room</source>
        <translation>le relais est plein (%1) : %2 et les fichiers plus gros qui le suivent attendent de la place</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/Pusher.cpp" line="583"/>
        <source>cannot upload %1: %2</source>
        <translation>impossible d’envoyer %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="54"/>
        <source>cannot read the forwarding record on %1: %2</source>
        <translation>impossible de lire l’enregistrement de redirection sur %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="57"/>
        <source>%1 holds a forwarding record that does not check (%2): refused; nothing more is written there</source>
        <translation>%1 contient un enregistrement de redirection qui ne passe pas la vérification (%2) : refusé ; plus rien n’y est écrit</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="60"/>
        <source>%1 holds a forwarding record for another repository: refused; nothing more is written there</source>
        <translation>%1 contient un enregistrement de redirection pour un autre dépôt : refusé ; plus rien n’y est écrit</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="77"/>
        <source>Give this client the new relay&apos;s settings with &apos;escalectl%1 migrate %2 %3 --set &quot;KEY = VALUE&quot;...&apos; (it also moves what this client left on the old relay), then restart Escale</source>
        <translation>Donnez à cette machine les réglages du nouveau relais avec &apos;escalectl%1 migrate %2 %3 --set &quot;KEY = VALUE&quot;...&apos; (cela déplace aussi ce que cette machine a laissé sur l’ancien relais), puis redémarrez Escale</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="88"/>
        <source>the repository moved from %1 to %2 (escalectl migrate) but its address is not usable: %3; nothing more is written on the old relay</source>
        <translation>le dépôt a été déplacé de %1 vers %2 (escalectl migrate) mais la nouvelle adresse n’est pas utilisable : %3 ; plus rien n’est écrit sur l’ancien relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="103"/>
        <source>the repository moved from %1 to %2 (escalectl migrate) but %3. %4; nothing more is written on the old relay</source>
        <translation>le dépôt a été déplacé de %1 vers %2 (escalectl migrate) mais %3. %4 ; plus rien n’est écrit sur l’ancien relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="112"/>
        <source>the repository moved from %1 to %2 (escalectl migrate) but it cannot be read: %3. %4; nothing more is written on the old relay</source>
        <translation>le dépôt a été déplacé de %1 vers %2 (escalectl migrate) mais %2 ne peut pas être lu : %3. %4 ; plus rien n’est écrit sur l’ancien relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="116"/>
        <source>the repository moved from %1 to %2 (escalectl migrate) but its header is not usable: %3; nothing more is written on the old relay</source>
        <translation>le dépôt a été déplacé de %1 vers %2 (escalectl migrate) mais l’en-tête de %2 n’est pas utilisable : %3 ; plus rien n’est écrit sur l’ancien relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="120"/>
        <source>the repository moved from %1 to %2 (escalectl migrate) but it holds another repository; nothing more is written on the old relay</source>
        <translation>le dépôt a été déplacé de %1 vers %2 (escalectl migrate) mais %2 contient un autre dépôt ; plus rien n’est écrit sur l’ancien relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="134"/>
        <source>now syncing with %1, but could not write it into %2: %3; set &apos;relay address = %1&apos; there</source>
        <translation>synchronisation désormais avec %1, mais impossible de l’écrire dans %2 : %3 ; mettez-y &apos;relay address = %1&apos;</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="155"/>
        <source>cannot move this client&apos;s objects to %1: %2</source>
        <translation>impossible de déplacer les objets de cette machine vers %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelayMoveClient.cpp" line="163"/>
        <source>cannot look for this client&apos;s last objects on %1 (%2): those written there after the migration&apos;s last round stay behind</source>
        <translation>impossible de chercher les derniers objets de cette machine sur %1 (%2) : ceux qui y ont été écrits après le dernier tour de la migration y restent</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelaySpace.cpp" line="50"/>
        <source>cannot write a snapshot: %1</source>
        <translation>impossible d’écrire un instantané : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RelaySpace.cpp" line="101"/>
        <source>cannot publish this client&apos;s head: %1</source>
        <translation>impossible de publier la tête de cette machine : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="71"/>
        <source>the relay folder %1 is not there: is the drive plugged in, the share mounted? Nothing was written; Escale looks again</source>
        <translation>le dossier relais %1 n’est pas là : le disque est-il branché, le partage monté ? Rien n’a été écrit ; Escale réessaie</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="74"/>
        <source>%1 holds no repository any more (moved, emptied or replaced?): nothing was written there. If the repository moved, set &apos;relay address&apos; to its new place</source>
        <translation>%1 ne contient plus de dépôt (déplacé, vidé ou remplacé ?) : rien n’y a été écrit. Si le dépôt a été déplacé, mettez sa nouvelle adresse dans &apos;relay address&apos;</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="96"/>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="351"/>
        <source>cannot create the encrypted repository: %1</source>
        <translation>impossible de créer le dépôt chiffré : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="149"/>
        <source>cannot upgrade the repository on %1 to format %2: %3</source>
        <translation>impossible de mettre à niveau le dépôt sur %1 au format %2 : %3</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="172"/>
        <source>cannot read the relay %1: %2</source>
        <translation>impossible de lire le relais %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="187"/>
        <source>%1 on the relay: %2</source>
        <translation>%1 sur le relais : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="192"/>
        <source>the relay holds a repository in format %1; this Escale speaks format %2: update Escale on this machine</source>
        <translation>le relais contient un dépôt au format %1 ; cette version d’Escale parle le format %2 : mettez à jour Escale sur cette machine</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="206"/>
        <source>the repository on the relay is not encrypted but &apos;encryption = %1&apos; is set: a repository cannot change to encrypted; use a new relay folder</source>
        <translation>le dépôt sur le relais n’est pas chiffré mais &apos;encryption = %1&apos; est réglé : un dépôt ne peut pas devenir chiffré ; utilisez un nouveau dossier relais</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="209"/>
        <source>the repository on the relay is encrypted (%1): set &apos;encryption = on&apos; and the passphrase</source>
        <translation>le dépôt sur le relais est chiffré (%1) : réglez &apos;encryption = on&apos; et la phrase secrète</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="268"/>
        <source>cannot prepare the relay: %1</source>
        <translation>impossible de préparer le relais : %1</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="305"/>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 autres</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="310"/>
        <source>the relay folder %1 also holds Escale 0.7 files (%2): Escale leaves them alone, and they take space there. Let the Escale 0.7 clients finish (every file received), stop them, then remove these files with &apos;escalectl remove-legacy %3&apos; (it lists them and asks first), or choose another relay folder; see docs/upgrading.md</source>
        <translation>le dossier relais %1 contient aussi des fichiers d’Escale 0.7 (%2) : Escale n’y touche pas, et ils y prennent de la place. Laissez les machines Escale 0.7 terminer (chaque fichier reçu), arrêtez-les, puis supprimez ces fichiers avec &apos;escalectl remove-legacy %3&apos; (il les liste et demande d’abord), ou choisissez un autre dossier relais ; voir docs/upgrading.md</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="316"/>
        <source>the relay folder %1 also holds Escale 0.7 files (%2; also %3): Escale leaves them alone, and they take space there. Let the Escale 0.7 clients finish (every file received), stop them, then remove these files with &apos;escalectl remove-legacy %4&apos; (it lists them and asks first), or choose another relay folder; see docs/upgrading.md</source>
        <translation>le dossier relais %1 contient aussi des fichiers d’Escale 0.7 (%2 ; aussi %3) : Escale n’y touche pas, et ils y prennent de la place. Laissez les machines Escale 0.7 terminer (chaque fichier reçu), arrêtez-les, puis supprimez ces fichiers avec &apos;escalectl remove-legacy %4&apos; (il les liste et demande d’abord), ou choisissez un autre dossier relais ; voir docs/upgrading.md</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="322"/>
        <source>the relay folder %1 also holds what is not Escale&apos;s repository (%2): Escale leaves it alone. If Escale 0.7 used this folder, &apos;escalectl verify %3&apos; tells which files are its, and &apos;escalectl remove-legacy %3&apos; removes them</source>
        <translation>le dossier relais %1 contient aussi ce qui n’est pas le dépôt d’Escale (%2) : Escale n’y touche pas. Si Escale 0.7 utilisait ce dossier, &apos;escalectl verify %3&apos; indique quels fichiers sont les siens, et &apos;escalectl remove-legacy %3&apos; les supprime</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="365"/>
        <source>wrong passphrase for the encrypted repository on %1: check &apos;passphrase&apos;; nothing was changed</source>
        <translation>phrase secrète erronée pour le dépôt chiffré sur %1 : vérifiez &apos;passphrase&apos; ; rien n’a été modifié</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="368"/>
        <source>cannot open the encrypted repository on %1: %2</source>
        <translation>impossible d’ouvrir le dépôt chiffré sur %1 : %2</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="378"/>
        <source>the repository header of %1 was not read</source>
        <translation>l’en-tête du dépôt de %1 n’a pas été lu</translation>
    </message>
    <message>
        <location filename="../core/sync/engine/RepositoryOpener.cpp" line="389"/>
        <source>the relay %1 holds another repository than the one this folder was synchronised with (the repository there was created again, or &apos;relay address&apos; names another one); nothing was changed. If it is the right relay, remove this repository in the settings and add it again (its files stay), or delete the state folder %2</source>
        <translation>le relais %1 contient un autre dépôt que celui avec lequel ce dossier était synchronisé (le dépôt y a été recréé, ou &apos;relay address&apos; en désigne un autre) ; rien n’a été modifié. Si c’est le bon relais, retirez ce dépôt dans les réglages et ajoutez-le à nouveau (ses fichiers restent), ou supprimez le dossier d’état %2</translation>
    </message>
</context>
</TS>
