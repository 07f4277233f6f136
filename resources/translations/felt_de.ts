<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Qt is used under the GNU LGPL version 3: its libraries are shipped unchanged, as the separate files in Felt&apos;s folder, and may be replaced with your own build of the same Qt version. Qt&apos;s source: https://download.qt.io/official_releases/qt/</source>
        <translation>Qt wird unter der GNU LGPL Version 3 verwendet: Seine Bibliotheken liegen unverändert als eigene Dateien in Felts Ordner und können durch einen eigenen Build derselben Qt-Version ersetzt werden. Der Quellcode von Qt: https://download.qt.io/official_releases/qt/</translation>
    </message>
    <message>
        <source>Felt is free software under the MIT licence. It is built on these, each under its own:</source>
        <translation>Felt ist freie Software unter der MIT-Lizenz. Es baut auf diesen Teilen auf, jeder unter seiner eigenen Lizenz:</translation>
    </message>
    <message>
        <source>About Felt</source>
        <translation>Über Felt</translation>
    </message>
    <message>
        <source>No-Limit Texas Hold&apos;em home games, hosted on your own machine.</source>
        <translation>No-Limit Texas Hold&apos;em für Pokerrunden zu Hause, auf deinem eigenen Rechner.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Deine Daten</translation>
    </message>
    <message>
        <source>Felt&apos;s log</source>
        <translation>Felts Protokoll</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>{}:</source>
        <translation>{}:</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Bestandteil</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>½ Pot</source>
        <translation>½ Pot</translation>
    </message>
    <message>
        <source>¾ Pot</source>
        <translation>¾ Pot</translation>
    </message>
    <message>
        <source>Pot</source>
        <translation>Pot</translation>
    </message>
    <message>
        <source>All-in</source>
        <translation>All-in</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>Passen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Checken</translation>
    </message>
    <message>
        <source>Raise</source>
        <translation>Erhöhen</translation>
    </message>
    <message>
        <source>Check/Fold</source>
        <translation>Checken/Passen</translation>
    </message>
    <message>
        <source>Call any</source>
        <translation>Alles mitgehen</translation>
    </message>
    <message>
        <source>Sit out next hand</source>
        <translation>Nächste Hand aussetzen</translation>
    </message>
    <message>
        <source>Straddle under the gun</source>
        <translation>Straddle unter der Kanone</translation>
    </message>
    <message>
        <source>Post twice the big blind before the cards whenever you are under the gun</source>
        <translation>Vor den Karten das Doppelte des Big Blinds setzen, wann immer du unter der Kanone sitzt</translation>
    </message>
    <message>
        <source>Sitting out · I&apos;m back</source>
        <translation>Setzt aus · Bin zurück</translation>
    </message>
    <message>
        <source>All-in? Press A again</source>
        <translation>All-in? Drück noch mal A</translation>
    </message>
    <message>
        <source>All-in {}</source>
        <translation>All-in {}</translation>
    </message>
    <message>
        <source>Bet {}</source>
        <translation>Setzen {}</translation>
    </message>
    <message>
        <source>Raise to {}</source>
        <translation>Erhöhen auf {}</translation>
    </message>
    <message>
        <source>Busted · Rebuy…</source>
        <translation>Pleite · Rebuy…</translation>
    </message>
    <message>
        <source>Check / Call</source>
        <translation>Checken / Mitgehen</translation>
    </message>
    <message>
        <source>Call {}</source>
        <translation>Mitgehen {}</translation>
    </message>
</context>
<context>
    <name>BlindsDialog</name>
    <message>
        <source>Blinds from the next hand</source>
        <translation>Blinds ab der nächsten Hand</translation>
    </message>
    <message>
        <source>Small blind</source>
        <translation>Small Blind</translation>
    </message>
    <message>
        <source>Big blind</source>
        <translation>Big Blind</translation>
    </message>
    <message>
        <source>Ante</source>
        <translation>Ante</translation>
    </message>
</context>
<context>
    <name>BuyInDialog</name>
    <message>
        <source>Take seat {}</source>
        <translation>Platz {} nehmen</translation>
    </message>
    <message>
        <source>Buy in for {} to {} chips.</source>
        <translation>Kauf dich für {} bis {} Chips ein.</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>Chips</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Felt: something went wrong</source>
        <translation>Felt: Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Something went wrong in Felt. It keeps running, and so do your tables.</source>
        <translation>In Felt ist etwas schiefgelaufen. Felt läuft weiter, und deine Tische auch.</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Protokollordner öffnen</translation>
    </message>
    <message>
        <source>The details are in Felt&apos;s log:</source>
        <translation>Die Einzelheiten stehen in Felts Protokoll:</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more error(s) since)</source>
        <translation>
            <numerusform>(und seitdem %n weiterer Fehler)</numerusform>
            <numerusform>(und seitdem %n weitere Fehler)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Felt</name>
    <message>
        <source>{}&apos;s table</source>
        <translation>Tisch von {}</translation>
    </message>
    <message>
        <source>Not hosting: port {} is in use.</source>
        <translation>Kein Tisch eröffnet: Port {} ist belegt.</translation>
    </message>
    <message>
        <source>This machine has no saved seat for that table any more.</source>
        <translation>Dieser Rechner hat für diesen Tisch keinen gespeicherten Platz mehr.</translation>
    </message>
    <message>
        <source>Joining {}…</source>
        <translation>Verbinde mit {}…</translation>
    </message>
    <message>
        <source>The table could not be reached.</source>
        <translation>Der Tisch war nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>Hand</name>
    <message>
        <source>two</source>
        <translation>Zwei</translation>
    </message>
    <message>
        <source>twos</source>
        <translation>Zweien</translation>
    </message>
    <message>
        <source>three</source>
        <translation>Drei</translation>
    </message>
    <message>
        <source>threes</source>
        <translation>Dreien</translation>
    </message>
    <message>
        <source>four</source>
        <translation>Vier</translation>
    </message>
    <message>
        <source>fours</source>
        <translation>Vieren</translation>
    </message>
    <message>
        <source>five</source>
        <translation>Fünf</translation>
    </message>
    <message>
        <source>fives</source>
        <translation>Fünfen</translation>
    </message>
    <message>
        <source>six</source>
        <translation>Sechs</translation>
    </message>
    <message>
        <source>sixes</source>
        <translation>Sechsen</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>Sieben</translation>
    </message>
    <message>
        <source>sevens</source>
        <translation>Siebenen</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>Acht</translation>
    </message>
    <message>
        <source>eights</source>
        <translation>Achten</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>Neun</translation>
    </message>
    <message>
        <source>nines</source>
        <translation>Neunen</translation>
    </message>
    <message>
        <source>ten</source>
        <translation>Zehn</translation>
    </message>
    <message>
        <source>tens</source>
        <translation>Zehnen</translation>
    </message>
    <message>
        <source>jack</source>
        <translation>Bube</translation>
    </message>
    <message>
        <source>jacks</source>
        <translation>Buben</translation>
    </message>
    <message>
        <source>queen</source>
        <translation>Dame</translation>
    </message>
    <message>
        <source>queens</source>
        <translation>Damen</translation>
    </message>
    <message>
        <source>king</source>
        <translation>König</translation>
    </message>
    <message>
        <source>kings</source>
        <translation>Könige</translation>
    </message>
    <message>
        <source>ace</source>
        <translation>Ass</translation>
    </message>
    <message>
        <source>aces</source>
        <translation>Asse</translation>
    </message>
    <message>
        <source>Royal flush</source>
        <translation>Royal Flush</translation>
    </message>
    <message>
        <source>Straight flush, {} high</source>
        <translation>Straight Flush, {} hoch</translation>
    </message>
    <message>
        <source>Four of a kind, {}</source>
        <translation>Vierling, {}</translation>
    </message>
    <message>
        <source>Full house, {} full of {}</source>
        <translation>Full House, {} über {}</translation>
    </message>
    <message>
        <source>Flush, {} high</source>
        <translation>Flush, {} hoch</translation>
    </message>
    <message>
        <source>Straight, {} high</source>
        <translation>Straße, {} hoch</translation>
    </message>
    <message>
        <source>Three of a kind, {}</source>
        <translation>Drilling, {}</translation>
    </message>
    <message>
        <source>Two pair, {} and {}</source>
        <translation>Zwei Paare, {} und {}</translation>
    </message>
    <message>
        <source>Pair of {}</source>
        <translation>Paar {}</translation>
    </message>
    <message>
        <source>High card, {}</source>
        <translation>Höchste Karte: {}</translation>
    </message>
</context>
<context>
    <name>HandLog</name>
    <message>
        <source>{} asks to join</source>
        <translation>{} möchte mitspielen</translation>
    </message>
    <message>
        <source>{} asks the host for {} more chips</source>
        <translation>{} bittet den Gastgeber um {} weitere Chips</translation>
    </message>
    <message>
        <source>Your {} chips arrive when this hand ends</source>
        <translation>Deine {} Chips kommen, wenn diese Hand zu Ende ist</translation>
    </message>
    <message>
        <source>{} adds {} chips</source>
        <translation>{} legt {} Chips nach</translation>
    </message>
    <message>
        <source>{} is let in</source>
        <translation>{} wird hereingelassen</translation>
    </message>
    <message>
        <source>{} was not let in</source>
        <translation>{} wurde nicht hereingelassen</translation>
    </message>
    <message>
        <source>A new invite key: earlier invites wait for your approval again</source>
        <translation>Ein neuer Einladungsschlüssel: Frühere Einladungen warten wieder auf deine Zustimmung</translation>
    </message>
    <message>
        <source>Your invites let their holders in without asking</source>
        <translation>Deine Einladungen lassen ihre Inhaber ohne Nachfrage herein</translation>
    </message>
    <message>
        <source>Your invites wait for your approval again</source>
        <translation>Deine Einladungen warten wieder auf deine Zustimmung</translation>
    </message>
    <message>
        <source>{} is banned from this table</source>
        <translation>{} ist an diesem Tisch gesperrt</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>{} lost connection</source>
        <translation>{} hat die Verbindung verloren</translation>
    </message>
    <message>
        <source>{} sits down in seat {} with {}</source>
        <translation>{} setzt sich auf Platz {} mit {}</translation>
    </message>
    <message>
        <source>{} will leave after this hand</source>
        <translation>{} geht nach dieser Hand</translation>
    </message>
    <message>
        <source>{} is back</source>
        <translation>{} ist zurück</translation>
    </message>
    <message>
        <source>The host paused the game</source>
        <translation>Der Gastgeber hat das Spiel angehalten</translation>
    </message>
    <message>
        <source>The game will pause after this hand</source>
        <translation>Das Spiel hält nach dieser Hand an</translation>
    </message>
    <message>
        <source>The game goes on</source>
        <translation>Das Spiel geht weiter</translation>
    </message>
    <message>
        <source>The host restarted; the game goes on where it was</source>
        <translation>Der Gastgeber hat neu gestartet; das Spiel geht dort weiter, wo es war</translation>
    </message>
    <message>
        <source>The host closed the table</source>
        <translation>Der Gastgeber hat den Tisch geschlossen</translation>
    </message>
    <message>
        <source>member {}</source>
        <translation>Mitglied {}</translation>
    </message>
    <message>
        <source>seat {}</source>
        <translation>Platz {}</translation>
    </message>
    <message>
        <source>The host adds {}, an easy bot</source>
        <translation>Der Gastgeber holt {} dazu, einen leichten Bot</translation>
    </message>
    <message>
        <source>The host adds {}, a standard bot</source>
        <translation>Der Gastgeber holt {} dazu, einen normalen Bot</translation>
    </message>
    <message>
        <source>The host adds {}, a strong bot</source>
        <translation>Der Gastgeber holt {} dazu, einen starken Bot</translation>
    </message>
    <message>
        <source>The host adds {}, a bot</source>
        <translation>Der Gastgeber holt {} dazu, einen Bot</translation>
    </message>
    <message>
        <source>{} folds</source>
        <translation>{} passt</translation>
    </message>
    <message>
        <source>{} checks</source>
        <translation>{} checkt</translation>
    </message>
    <message>
        <source>{} calls {}</source>
        <translation>{} geht mit {} mit</translation>
    </message>
    <message>
        <source>{} bets {}</source>
        <translation>{} setzt {}</translation>
    </message>
    <message>
        <source>{} raises to {}</source>
        <translation>{} erhöht auf {}</translation>
    </message>
    <message>
        <source>{} (out of time)</source>
        <translation>{} (Zeit abgelaufen)</translation>
    </message>
    <message>
        <source>{} sits out (timed out)</source>
        <translation>{} setzt aus (Zeit abgelaufen)</translation>
    </message>
    <message>
        <source>{} sits out (disconnected)</source>
        <translation>{} setzt aus (Verbindung getrennt)</translation>
    </message>
    <message>
        <source>{} sits out (no chips)</source>
        <translation>{} setzt aus (keine Chips)</translation>
    </message>
    <message>
        <source>{} sits out</source>
        <translation>{} setzt aus</translation>
    </message>
    <message>
        <source>{} stands up with {} (away too long)</source>
        <translation>{} steht mit {} auf (zu lange weg)</translation>
    </message>
    <message>
        <source>{} stands up with {} (removed)</source>
        <translation>{} steht mit {} auf (entfernt)</translation>
    </message>
    <message>
        <source>{} stands up with {}</source>
        <translation>{} steht mit {} auf</translation>
    </message>
    <message>
        <source>{} was removed by the host</source>
        <translation>{} wurde vom Gastgeber entfernt</translation>
    </message>
    <message>
        <source>{} left</source>
        <translation>{} ist gegangen</translation>
    </message>
    <message>
        <source>Blinds go to {}/{}, ante {} from the next hand</source>
        <translation>Ab der nächsten Hand: Blinds {}/{}, Ante {}</translation>
    </message>
    <message>
        <source>Blinds go to {}/{} from the next hand</source>
        <translation>Ab der nächsten Hand: Blinds {}/{}</translation>
    </message>
    <message>
        <source>{} wins with {} (+{})</source>
        <translation>{0} gewinnt (+{2}): {1}</translation>
    </message>
    <message>
        <source>{} wins (+{})</source>
        <translation>{} gewinnt (+{})</translation>
    </message>
    <message>
        <source>The pot is split</source>
        <translation>Der Pot wird geteilt</translation>
    </message>
    <message>
        <source>{} and {}</source>
        <translation>{} und {}</translation>
    </message>
    <message>
        <source>{} split the pot</source>
        <translation>{} teilen sich den Pot</translation>
    </message>
    <message>
        <source>No more chips for {}: the host said no</source>
        <translation>Keine weiteren Chips für {}: Der Gastgeber hat abgelehnt</translation>
    </message>
    <message>
        <source>No more chips for {}: the stack is at the maximum</source>
        <translation>Keine weiteren Chips für {}: Der Stack ist am Maximum</translation>
    </message>
    <message>
        <source>Hand #{}: the button stays on an empty seat</source>
        <translation>Hand #{}: der Button bleibt auf einem leeren Platz</translation>
    </message>
    <message>
        <source>Hand #{}: {} has the button</source>
        <translation>Hand #{}: {} hat den Button</translation>
    </message>
    <message>
        <source>{} straddles {}</source>
        <translation>{} straddelt {}</translation>
    </message>
    <message>
        <source>Second run, flop: {}</source>
        <translation>Zweiter Durchgang, Flop: {}</translation>
    </message>
    <message>
        <source>Second run, turn: {}</source>
        <translation>Zweiter Durchgang, Turn: {}</translation>
    </message>
    <message>
        <source>Second run, river: {}</source>
        <translation>Zweiter Durchgang, River: {}</translation>
    </message>
    <message>
        <source>All in: run it twice? {} decide</source>
        <translation>Alle all-in: zweimal ausspielen? {} entscheiden</translation>
    </message>
    <message>
        <source>{} says yes to running it twice</source>
        <translation>{} ist dafür, zweimal auszuspielen</translation>
    </message>
    <message>
        <source>{} says no to running it twice</source>
        <translation>{} ist dagegen, zweimal auszuspielen</translation>
    </message>
    <message>
        <source>Running it twice: two boards, half of each pot on each</source>
        <translation>Zweimal ausgespielt: zwei Boards, je die Hälfte jedes Pots</translation>
    </message>
    <message>
        <source>Running it once</source>
        <translation>Einmal ausgespielt</translation>
    </message>
    <message>
        <source>DECK CHECK FAILED: the host left your value out of the deck</source>
        <translation>DECKPRÜFUNG FEHLGESCHLAGEN: Der Host hat deinen Wert nicht ins Deck gemischt</translation>
    </message>
    <message>
        <source>Deck verified: dealt as committed, with the players&apos; values</source>
        <translation>Deck geprüft: ausgeteilt wie zugesagt, mit den Werten der Spieler</translation>
    </message>
    <message>
        <source>DECK CHECK FAILED: the cards dealt are not the deck committed to</source>
        <translation>DECKPRÜFUNG FEHLGESCHLAGEN: Die ausgeteilten Karten sind nicht das zugesagte Deck</translation>
    </message>
    <message>
        <source>You will straddle whenever you are under the gun</source>
        <translation>Du straddelst jedes Mal, wenn du unter der Kanone sitzt</translation>
    </message>
    <message>
        <source>You no longer straddle</source>
        <translation>Du straddelst nicht mehr</translation>
    </message>
    <message>
        <source>Bomb pot: everyone puts in {}, and the flop comes</source>
        <translation>Bomb Pot: Alle setzen {}, und der Flop kommt</translation>
    </message>
    <message>
        <source>The host calls a bomb pot for the next hand</source>
        <translation>Der Gastgeber ruft für die nächste Hand einen Bomb Pot aus</translation>
    </message>
    <message>
        <source>The host calls off the bomb pot</source>
        <translation>Der Gastgeber sagt den Bomb Pot ab</translation>
    </message>
    <message>
        <source>{} wins with {} and collects the 7-2 bounty: {} from each (+{})</source>
        <translation>{} gewinnt mit {} und kassiert die 7-2-Prämie: {} von jedem (+{})</translation>
    </message>
    <message>
        <source>You are dealt {}</source>
        <translation>Deine Karten: {}</translation>
    </message>
    <message>
        <source>Flop: {}</source>
        <translation>Flop: {}</translation>
    </message>
    <message>
        <source>Turn: {}</source>
        <translation>Turn: {}</translation>
    </message>
    <message>
        <source>River: {}</source>
        <translation>River: {}</translation>
    </message>
    <message>
        <source>{} shows {}</source>
        <translation>{} zeigt {}</translation>
    </message>
    <message>
        <source>{} mucks</source>
        <translation>{} wirft verdeckt weg</translation>
    </message>
    <message>
        <source>The tournament begins: {} players, seats drawn; prizes {}</source>
        <translation>Das Turnier beginnt: {} Spieler, Plätze ausgelost; Preise {}</translation>
    </message>
    <message>
        <source>Blinds up: level {}, {}/{}, ante {}, from the next hand</source>
        <translation>Blinds steigen: Level {}, {}/{}, Ante {}, ab der nächsten Hand</translation>
    </message>
    <message>
        <source>Blinds up: level {}, {}/{}, from the next hand</source>
        <translation>Blinds steigen: Level {}, {}/{}, ab der nächsten Hand</translation>
    </message>
    <message>
        <source>{} wins the tournament and {}</source>
        <translation>{} gewinnt das Turnier und {}</translation>
    </message>
    <message>
        <source>{} finishes {}, wins {}</source>
        <translation>{} wird {}, gewinnt {}</translation>
    </message>
    <message>
        <source>{} finishes {}</source>
        <translation>{} wird {}</translation>
    </message>
    <message>
        <source>You are out of chips: rebuy for {} to play on</source>
        <translation>Du hast keine Chips mehr: Rebuy für {}, um weiterzuspielen</translation>
    </message>
    <message>
        <source>{} is out of chips and may rebuy</source>
        <translation>{} hat keine Chips mehr und darf einen Rebuy nehmen</translation>
    </message>
    <message>
        <source>{} takes the add-on for {}</source>
        <translation>{} nimmt das Add-on für {}</translation>
    </message>
    <message>
        <source>{} rebuys for {}</source>
        <translation>{} nimmt einen Rebuy für {}</translation>
    </message>
    <message>
        <source>Break for {}:{:02d}: the next level starts after it</source>
        <translation>Pause für {}:{:02d}: Danach beginnt das nächste Level</translation>
    </message>
</context>
<context>
    <name>HandsDialog</name>
    <message>
        <source>Hand histories · {}</source>
        <translation>Handverläufe · {}</translation>
    </message>
    <message>
        <source>Pick a hand on the left.</source>
        <translation>Wähle links eine Hand.</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Showdown ▶▶</source>
        <translation>Showdown ▶▶</translation>
    </message>
    <message>
        <source>Street ▶</source>
        <translation>Straße ▶</translation>
    </message>
    <message>
        <source>Save as PokerStars text…</source>
        <translation>Als PokerStars-Text speichern…</translation>
    </message>
    <message>
        <source>Save as PHH…</source>
        <translation>Als PHH speichern…</translation>
    </message>
    <message>
        <source>Save all my hands…</source>
        <translation>Alle meine Hände speichern…</translation>
    </message>
    <message>
        <source>Hand #{}  ·  pot {}</source>
        <translation>Hand #{}  ·  Pot {}</translation>
    </message>
    <message>
        <source>Hand #{}  {:+d}  ·  pot {}</source>
        <translation>Hand #{}  {:+d}  ·  Pot {}</translation>
    </message>
    <message>
        <source>No hands you were dealt into yet.</source>
        <translation>Noch keine Hände, in denen du Karten bekommen hast.</translation>
    </message>
    <message>
        <source>Result: {}</source>
        <translation>Ergebnis: {}</translation>
    </message>
    <message>
        <source>Hand #{}: the deal</source>
        <translation>Hand #{}: das Austeilen</translation>
    </message>
    <message>
        <source>Save every hand you may see</source>
        <translation>Alle Hände speichern, die du sehen darfst</translation>
    </message>
    <message>
        <source>PokerStars text (*.txt)</source>
        <translation>PokerStars-Text (*.txt)</translation>
    </message>
    <message>
        <source>Save the hand</source>
        <translation>Die Hand speichern</translation>
    </message>
</context>
<context>
    <name>HostControls</name>
    <message>
        <source>Easy bot (calls a lot)</source>
        <translation>Leichter Bot (geht oft mit)</translation>
    </message>
    <message>
        <source>Standard bot (tight, aggressive)</source>
        <translation>Normaler Bot (tight, aggressiv)</translation>
    </message>
    <message>
        <source>Strong bot (reads the odds)</source>
        <translation>Starker Bot (rechnet die Odds)</translation>
    </message>
    <message>
        <source>easy</source>
        <translation>leichter</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>normaler</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>starker</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Blinds…</source>
        <translation>Blinds…</translation>
    </message>
    <message>
        <source>Bomb pot</source>
        <translation>Bomb Pot</translation>
    </message>
    <message>
        <source>Start the tournament</source>
        <translation>Turnier starten</translation>
    </message>
    <message>
        <source>Add bot</source>
        <translation>Bot hinzufügen</translation>
    </message>
    <message>
        <source>Remove {} ({} bot)</source>
        <translation>{} entfernen ({} Bot)</translation>
    </message>
    <message>
        <source>Remove {} from the table</source>
        <translation>{} vom Tisch entfernen</translation>
    </message>
    <message>
        <source>Ban {} from this table</source>
        <translation>{} von diesem Tisch sperren</translation>
    </message>
    <message>
        <source>Two players must be seated first.</source>
        <translation>Erst müssen zwei Spieler sitzen.</translation>
    </message>
    <message>
        <source>Draws the seats and deals: late seats until level {}.</source>
        <translation>Lost die Plätze aus und teilt aus: Späte Plätze bis Level {}.</translation>
    </message>
    <message>
        <source>Draws the seats and deals: nobody joins after.</source>
        <translation>Lost die Plätze aus und teilt aus: Danach kommt niemand mehr dazu.</translation>
    </message>
    <message>
        <source>Call off the bomb pot</source>
        <translation>Bomb Pot absagen</translation>
    </message>
    <message>
        <source>The next hand is a bomb pot: everyone puts in {}, no preflop betting</source>
        <translation>Die nächste Hand ist ein Bomb Pot: Alle setzen {}, ohne Setzrunde vor dem Flop</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Requests ({})</source>
        <translation>Anfragen ({})</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Let {} in</source>
        <translation>{} hereinlassen</translation>
    </message>
    <message>
        <source>Turn {} away</source>
        <translation>{} abweisen</translation>
    </message>
    <message>
        <source>Ban {}</source>
        <translation>{} sperren</translation>
    </message>
    <message>
        <source>Give {} {} chips</source>
        <translation>{} {} Chips geben</translation>
    </message>
    <message>
        <source>Refuse {}&apos;s top-up</source>
        <translation>Nachkauf von {} ablehnen</translation>
    </message>
    <message>
        <source>Nobody is waiting</source>
        <translation>Niemand wartet</translation>
    </message>
</context>
<context>
    <name>HostDialog</name>
    <message>
        <source>Host a table</source>
        <translation>Tisch eröffnen</translation>
    </message>
    <message>
        <source>Home game</source>
        <translation>Pokerabend</translation>
    </message>
    <message>
        <source>Poker</source>
        <translation>Poker</translation>
    </message>
    <message>
        <source>Bomb pot</source>
        <translation>Bomb Pot</translation>
    </message>
    <message>
        <source>Bomb pot every</source>
        <translation>Bomb Pot alle</translation>
    </message>
    <message>
        <source>7-2 game bounty</source>
        <translation>7-2-Prämie</translation>
    </message>
    <message>
        <source>No-Limit Hold&apos;em</source>
        <translation>No-Limit Hold&apos;em</translation>
    </message>
    <message>
        <source>Pot-Limit Omaha</source>
        <translation>Pot-Limit Omaha</translation>
    </message>
    <message>
        <source>The 7-2 game is played at Hold&apos;em</source>
        <translation>Das 7-2-Spiel wird beim Hold&apos;em gespielt</translation>
    </message>
    <message>
        <source>Optional: under the gun, by choice</source>
        <translation>Freiwillig: unter der Kanone, nach Wahl</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>What each player puts in; no preflop betting</source>
        <translation>Was jeder Spieler setzt; ohne Setzrunde vor dem Flop</translation>
    </message>
    <message>
        <source> hands</source>
        <translation> Hände</translation>
    </message>
    <message>
        <source>When I call one</source>
        <translation>Wenn ich einen ausrufe</translation>
    </message>
    <message>
        <source>Not played</source>
        <translation>Wird nicht gespielt</translation>
    </message>
    <message>
        <source>Offer to run it twice when all in</source>
        <translation>Bei All-in zweimal Ausspielen anbieten</translation>
    </message>
    <message>
        <source>A pot won with 7-2 collects this from every other player dealt in</source>
        <translation>Wer einen Pot mit 7-2 gewinnt, bekommt das von jedem anderen Spieler der Hand</translation>
    </message>
    <message>
        <source>Let anyone with the invite in (no approval)</source>
        <translation>Alle mit der Einladung hereinlassen (ohne Zustimmung)</translation>
    </message>
    <message>
        <source>Allow spectators</source>
        <translation>Zuschauer erlauben</translation>
    </message>
    <message>
        <source>Approve each rebuy and top-up</source>
        <translation>Jeden Rebuy und jedes Aufstocken genehmigen</translation>
    </message>
    <message>
        <source>Show me every hole card in the hand histories (players are told)</source>
        <translation>Mir in den Handverläufen alle verdeckten Karten zeigen (die Spieler erfahren es)</translation>
    </message>
    <message>
        <source>Friends on the internet may join (asks your router for the port)</source>
        <translation>Freunde aus dem Internet dürfen beitreten (fragt deinen Router nach dem Port)</translation>
    </message>
    <message>
        <source>Players on your network see it in their list</source>
        <translation>Spieler in deinem Netzwerk sehen ihn in ihrer Liste</translation>
    </message>
    <message>
        <source>A bomb pot is at most the maximum buy-in ({}).</source>
        <translation>Ein Bomb Pot ist höchstens das maximale Buy-in ({}).</translation>
    </message>
    <message>
        <source>The 7-2 bounty is at most the maximum buy-in ({}).</source>
        <translation>Die 7-2-Prämie ist höchstens das maximale Buy-in ({}).</translation>
    </message>
    <message>
        <source>Say what each player puts in a bomb pot.</source>
        <translation>Gib an, was jeder Spieler in einen Bomb Pot setzt.</translation>
    </message>
    <message>
        <source>Table name</source>
        <translation>Name des Tisches</translation>
    </message>
    <message>
        <source>No straddle</source>
        <translation>Kein Straddle</translation>
    </message>
    <message>
        <source>Mandatory: after the big blind, twice it</source>
        <translation>Pflicht: nach dem Big Blind, das Doppelte</translation>
    </message>
    <message>
        <source>Cash game</source>
        <translation>Cash Game</translation>
    </message>
    <message>
        <source>Sit-and-go tournament</source>
        <translation>Sit-and-Go-Turnier</translation>
    </message>
    <message>
        <source>Game</source>
        <translation>Spiel</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Small blind</source>
        <translation>Small Blind</translation>
    </message>
    <message>
        <source>Big blind</source>
        <translation>Big Blind</translation>
    </message>
    <message>
        <source>Ante</source>
        <translation>Ante</translation>
    </message>
    <message>
        <source>Straddle</source>
        <translation>Straddle</translation>
    </message>
    <message>
        <source>Minimum buy-in</source>
        <translation>Mindest-Buy-in</translation>
    </message>
    <message>
        <source>Maximum buy-in</source>
        <translation>Höchst-Buy-in</translation>
    </message>
    <message>
        <source>Action clock</source>
        <translation>Bedenkzeit</translation>
    </message>
    <message>
        <source>You take a seat at your table like everyone else: click one.</source>
        <translation>Du setzt dich an deinen Tisch wie alle anderen: Klick auf einen freien Platz.</translation>
    </message>
    <message>
        <source>The table needs a name.</source>
        <translation>Der Tisch braucht einen Namen.</translation>
    </message>
    <message>
        <source>The big blind must be at least the small blind ({}).</source>
        <translation>Der Big Blind muss mindestens so hoch sein wie der Small Blind ({}).</translation>
    </message>
    <message>
        <source>The ante is at most the big blind ({}).</source>
        <translation>Die Ante ist höchstens so hoch wie der Big Blind ({}).</translation>
    </message>
    <message>
        <source>The minimum buy-in is at least the big blind ({}).</source>
        <translation>Das Mindest-Buy-in ist mindestens so hoch wie der Big Blind ({}).</translation>
    </message>
    <message>
        <source>The maximum buy-in is at least the minimum ({}).</source>
        <translation>Das Höchst-Buy-in ist mindestens so hoch wie das Mindest-Buy-in ({}).</translation>
    </message>
</context>
<context>
    <name>HostSays</name>
    <message>
        <source>There is no open table with that id here.</source>
        <translation>Hier gibt es keinen offenen Tisch mit dieser Kennung.</translation>
    </message>
    <message>
        <source>This table is closed.</source>
        <translation>Dieser Tisch ist geschlossen.</translation>
    </message>
    <message>
        <source>This host speaks protocol {}; please update Felt.</source>
        <translation>Dieser Gastgeber spricht Protokoll {}; bitte aktualisiere Felt.</translation>
    </message>
    <message>
        <source>The host has banned you from this table.</source>
        <translation>Der Gastgeber hat dich für diesen Tisch gesperrt.</translation>
    </message>
    <message>
        <source>The host has banned that name from this table.</source>
        <translation>Der Gastgeber hat diesen Namen für diesen Tisch gesperrt.</translation>
    </message>
    <message>
        <source>More than {} join requests a minute from your address: wait a minute, then try again.</source>
        <translation>Mehr als {} Beitrittsanfragen pro Minute von deiner Adresse: Warte eine Minute und versuch es dann noch einmal.</translation>
    </message>
    <message>
        <source>More than {} connections at once from your address: close some first.</source>
        <translation>Mehr als {} gleichzeitige Verbindungen von deiner Adresse: Schließ zuerst einige.</translation>
    </message>
    <message>
        <source>Someone here is already called {}.</source>
        <translation>Hier heißt schon jemand {}.</translation>
    </message>
    <message>
        <source>This table has no room for more guests.</source>
        <translation>An diesem Tisch ist kein Platz für weitere Gäste.</translation>
    </message>
    <message>
        <source>Too many guests are waiting for the host to let them in: try again later.</source>
        <translation>Zu viele Gäste warten darauf, dass der Gastgeber sie hereinlässt: Versuch es später noch einmal.</translation>
    </message>
    <message>
        <source>Pick a name of 1 to {} printable characters (no tabs or line breaks).</source>
        <translation>Wähle einen Namen aus 1 bis {} druckbaren Zeichen (ohne Tabulatoren oder Zeilenumbrüche).</translation>
    </message>
    <message>
        <source>Wait for the host to let you in.</source>
        <translation>Warte, bis der Gastgeber dich hereinlässt.</translation>
    </message>
    <message>
        <source>Only the host can do that.</source>
        <translation>Das kann nur der Gastgeber.</translation>
    </message>
    <message>
        <source>No such member at this table.</source>
        <translation>Dieses Mitglied gibt es an diesem Tisch nicht.</translation>
    </message>
    <message>
        <source>That member is not waiting for approval.</source>
        <translation>Dieses Mitglied wartet nicht auf Zustimmung.</translation>
    </message>
    <message>
        <source>The host cannot be kicked.</source>
        <translation>Der Gastgeber kann nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The host closes the table instead of leaving.</source>
        <translation>Der Gastgeber schließt den Tisch, statt zu gehen.</translation>
    </message>
    <message>
        <source>There is no bot in seat {}.</source>
        <translation>Auf Platz {} sitzt kein Bot.</translation>
    </message>
    <message>
        <source>That member has not asked for chips.</source>
        <translation>Dieses Mitglied hat nicht um Chips gebeten.</translation>
    </message>
    <message>
        <source>The game is already paused.</source>
        <translation>Das Spiel ist schon angehalten.</translation>
    </message>
    <message>
        <source>The game is not paused.</source>
        <translation>Das Spiel ist nicht angehalten.</translation>
    </message>
    <message>
        <source>Wait for the hand to end (pause first).</source>
        <translation>Warte, bis die Hand zu Ende ist (zuerst anhalten).</translation>
    </message>
    <message>
        <source>The big blind can be at most the minimum buy-in ({}).</source>
        <translation>Der Big Blind darf höchstens so hoch sein wie das Mindest-Buy-in ({}).</translation>
    </message>
    <message>
        <source>You already have a seat.</source>
        <translation>Du hast schon einen Platz.</translation>
    </message>
    <message>
        <source>You are not seated.</source>
        <translation>Du sitzt nicht am Tisch.</translation>
    </message>
    <message>
        <source>Seats are numbered 1 to {}.</source>
        <translation>Die Plätze sind von 1 bis {} nummeriert.</translation>
    </message>
    <message>
        <source>Seat {} is taken.</source>
        <translation>Platz {} ist besetzt.</translation>
    </message>
    <message>
        <source>Buy in for between {} and {}.</source>
        <translation>Kauf dich mit {} bis {} Chips ein.</translation>
    </message>
    <message>
        <source>You are already leaving after this hand.</source>
        <translation>Du gehst schon nach dieser Hand.</translation>
    </message>
    <message>
        <source>You are already sitting out.</source>
        <translation>Du setzt schon aus.</translation>
    </message>
    <message>
        <source>You are not sitting out.</source>
        <translation>Du setzt nicht aus.</translation>
    </message>
    <message>
        <source>You have no chips: rebuy first.</source>
        <translation>Du hast keine Chips: Kauf zuerst nach (Rebuy).</translation>
    </message>
    <message>
        <source>A top-up is already on its way.</source>
        <translation>Ein Nachkauf ist schon unterwegs.</translation>
    </message>
    <message>
        <source>Your stack is at the table&apos;s maximum of {}.</source>
        <translation>Dein Stack ist am Maximum des Tisches von {}.</translation>
    </message>
    <message>
        <source>Top up by between {} and {}.</source>
        <translation>Stock um {} bis {} Chips auf.</translation>
    </message>
    <message>
        <source>No hand is being played.</source>
        <translation>Gerade wird keine Hand gespielt.</translation>
    </message>
    <message>
        <source>The game is paused.</source>
        <translation>Das Spiel ist angehalten.</translation>
    </message>
    <message>
        <source>That was for hand {}; this is hand {}.</source>
        <translation>Das war für Hand {}; dies ist Hand {}.</translation>
    </message>
    <message>
        <source>That was for an earlier turn.</source>
        <translation>Das war für einen früheren Zug.</translation>
    </message>
    <message>
        <source>You are not in this hand.</source>
        <translation>Du spielst in dieser Hand nicht mit.</translation>
    </message>
    <message>
        <source>Nobody is to act in this hand right now.</source>
        <translation>In dieser Hand ist gerade niemand am Zug.</translation>
    </message>
    <message>
        <source>It is not your turn.</source>
        <translation>Du bist nicht am Zug.</translation>
    </message>
    <message>
        <source>You have no chips left to put in.</source>
        <translation>Du hast keine Chips mehr zum Setzen.</translation>
    </message>
    <message>
        <source>Nothing to call: check instead of folding.</source>
        <translation>Nichts zu bezahlen: Checke, statt zu passen.</translation>
    </message>
    <message>
        <source>You cannot check: {} to call.</source>
        <translation>Du kannst nicht checken: {} zum Mitgehen.</translation>
    </message>
    <message>
        <source>Nothing to call: check instead.</source>
        <translation>Nichts zu bezahlen: Checke stattdessen.</translation>
    </message>
    <message>
        <source>You cannot bet or raise now.</source>
        <translation>Du kannst jetzt weder setzen noch erhöhen.</translation>
    </message>
    <message>
        <source>There is no bet: bet instead.</source>
        <translation>Es gibt keinen Einsatz: Setze stattdessen.</translation>
    </message>
    <message>
        <source>Say how much to bet.</source>
        <translation>Sag, wie viel du setzen willst.</translation>
    </message>
    <message>
        <source>Bet between {} and {}.</source>
        <translation>Setze zwischen {} und {}.</translation>
    </message>
    <message>
        <source>There is a bet: raise instead.</source>
        <translation>Es gibt schon einen Einsatz: Erhöhe stattdessen.</translation>
    </message>
    <message>
        <source>Say how much to raise to.</source>
        <translation>Sag, auf wie viel du erhöhen willst.</translation>
    </message>
    <message>
        <source>Raise to between {} and {}.</source>
        <translation>Erhöhe auf {} bis {}.</translation>
    </message>
    <message>
        <source>You have no hand number {} here.</source>
        <translation>Du hast hier keine Hand Nummer {}.</translation>
    </message>
    <message>
        <source>Only players can chat at this table.</source>
        <translation>An diesem Tisch dürfen nur Spieler chatten.</translation>
    </message>
    <message>
        <source>Chat messages are 1 to {} printable characters.</source>
        <translation>Chatnachrichten haben 1 bis {} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>At most {} chat lines in {} seconds: wait a moment.</source>
        <translation>Höchstens {} Chatzeilen in {} Sekunden: Warte einen Moment.</translation>
    </message>
    <message>
        <source>The table needs a name of 1 to 60 characters.</source>
        <translation>Der Tisch braucht einen Namen aus 1 bis 60 Zeichen.</translation>
    </message>
    <message>
        <source>A table has {} to {} seats.</source>
        <translation>Ein Tisch hat {} bis {} Plätze.</translation>
    </message>
    <message>
        <source>The small blind must be positive and at most the big blind.</source>
        <translation>Der Small Blind muss größer als null und höchstens so hoch wie der Big Blind sein.</translation>
    </message>
    <message>
        <source>The ante must be between 0 and the big blind.</source>
        <translation>Die Ante muss zwischen 0 und dem Big Blind liegen.</translation>
    </message>
    <message>
        <source>Blinds above a billion chips are not supported.</source>
        <translation>Blinds über einer Milliarde Chips werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>Buy-ins need big blind &lt;= minimum &lt;= maximum.</source>
        <translation>Für die Buy-ins gilt: Big Blind &lt;= Minimum &lt;= Maximum.</translation>
    </message>
    <message>
        <source>Buy-ins above a trillion chips are not supported.</source>
        <translation>Buy-ins über einer Billion Chips werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>A seat is freed no sooner than its owner is sat out.</source>
        <translation>Ein Platz wird frühestens frei, wenn sein Inhaber ausgesetzt wurde.</translation>
    </message>
    <message>
        <source>This table is served by another worker: {}</source>
        <translation>Dieser Tisch wird von einem anderen Worker bedient: {}</translation>
    </message>
    <message>
        <source>variant is one of {}.</source>
        <translation>variant ist eines von {}.</translation>
    </message>
    <message>
        <source>The 7-2 game is played at Hold&apos;em.</source>
        <translation>Das 7-2-Spiel wird beim Hold&apos;em gespielt.</translation>
    </message>
    <message>
        <source>straddle is one of {}.</source>
        <translation>straddle ist eines von {}.</translation>
    </message>
    <message>
        <source>Straddles are for cash games.</source>
        <translation>Straddles gibt es nur im Cash-Game.</translation>
    </message>
    <message>
        <source>{} must be between 0 and the maximum buy-in.</source>
        <translation>{} muss zwischen 0 und dem maximalen Buy-in liegen.</translation>
    </message>
    <message>
        <source>bomb_pot_every must be between 0 and 1000 hands.</source>
        <translation>bomb_pot_every muss zwischen 0 und 1000 Händen liegen.</translation>
    </message>
    <message>
        <source>A bomb pot every few hands needs its amount (bomb_pot).</source>
        <translation>Ein Bomb Pot alle paar Hände braucht seinen Betrag (bomb_pot).</translation>
    </message>
    <message>
        <source>Bomb pots, the 7-2 game and running it twice are for cash games.</source>
        <translation>Bomb Pots, das 7-2-Spiel und zweimal Ausspielen gibt es nur in Cash Games.</translation>
    </message>
    <message>
        <source>Nobody asked you to run it twice.</source>
        <translation>Niemand hat dich gefragt, ob zweimal ausgespielt wird.</translation>
    </message>
    <message>
        <source>This table has no optional straddle.</source>
        <translation>An diesem Tisch gibt es keinen freiwilligen Straddle.</translation>
    </message>
    <message>
        <source>That hand is dealt already.</source>
        <translation>Diese Hand ist schon ausgeteilt.</translation>
    </message>
    <message>
        <source>A value is 32 to 128 lowercase hex digits.</source>
        <translation>Ein Wert hat 32 bis 128 Hexadezimalziffern in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>You gave your value for this hand.</source>
        <translation>Du hast deinen Wert für diese Hand schon gegeben.</translation>
    </message>
    <message>
        <source>You straddle already.</source>
        <translation>Du straddelst schon.</translation>
    </message>
    <message>
        <source>You do not straddle.</source>
        <translation>Du straddelst nicht.</translation>
    </message>
    <message>
        <source>You have answered already.</source>
        <translation>Du hast schon geantwortet.</translation>
    </message>
    <message>
        <source>This table has no bomb pots.</source>
        <translation>An diesem Tisch gibt es keine Bomb Pots.</translation>
    </message>
    <message>
        <source>A bomb pot is already called for the next hand.</source>
        <translation>Für die nächste Hand ist schon ein Bomb Pot ausgerufen.</translation>
    </message>
    <message>
        <source>No bomb pot is called.</source>
        <translation>Es ist kein Bomb Pot ausgerufen.</translation>
    </message>
    <message>
        <source>Slow down: too many messages.</source>
        <translation>Langsamer: zu viele Nachrichten.</translation>
    </message>
    <message>
        <source>Something went wrong on the host; nothing was applied.</source>
        <translation>Beim Gastgeber ist etwas schiefgegangen; nichts wurde übernommen.</translation>
    </message>
    <message>
        <source>The table could not be saved.</source>
        <translation>Der Tisch konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>This is not the table you were invited to: the host&apos;s key changed.</source>
        <translation>Das ist nicht der Tisch, zu dem du eingeladen wurdest: Der Schlüssel des Gastgebers hat sich geändert.</translation>
    </message>
    <message>
        <source>This seat was opened somewhere else.</source>
        <translation>Dieser Platz wurde woanders geöffnet.</translation>
    </message>
    <message>
        <source>You are no longer at this table.</source>
        <translation>Du bist nicht mehr an diesem Tisch.</translation>
    </message>
    <message>
        <source>Could not reach the host at {} after {} tries: {}.</source>
        <translation>Der Gastgeber unter {} war nach {} Versuchen nicht erreichbar: {}.</translation>
    </message>
    <message>
        <source>nothing answers on that port (is Felt open there, and hosting?)</source>
        <translation>auf diesem Port antwortet nichts (ist Felt dort offen und eröffnet einen Tisch?)</translation>
    </message>
    <message>
        <source>no answer (a wrong address, or a firewall in the way?)</source>
        <translation>keine Antwort (eine falsche Adresse, oder eine Firewall im Weg?)</translation>
    </message>
    <message>
        <source>no such address (check the invite)</source>
        <translation>diese Adresse gibt es nicht (prüf die Einladung)</translation>
    </message>
    <message>
        <source>that host does not speak TLS (ask its host for a new invite)</source>
        <translation>dieser Rechner spricht kein TLS (bitte den Gastgeber um eine neue Einladung)</translation>
    </message>
    <message>
        <source>something other than a Felt host answered there</source>
        <translation>dort hat etwas anderes als ein Felt-Gastgeber geantwortet</translation>
    </message>
    <message>
        <source>no route to that address (not on this network?)</source>
        <translation>kein Weg zu dieser Adresse (nicht in diesem Netzwerk?)</translation>
    </message>
    <message>
        <source>a host with another key answered there</source>
        <translation>dort hat ein Gastgeber mit einem anderen Schlüssel geantwortet</translation>
    </message>
    <message>
        <source>the router does not speak this NAT-PMP version</source>
        <translation>der Router spricht diese NAT-PMP-Version nicht</translation>
    </message>
    <message>
        <source>the router refused: port mapping is off there</source>
        <translation>der Router hat abgelehnt: Portweiterleitung ist dort ausgeschaltet</translation>
    </message>
    <message>
        <source>the router is not connected to the internet yet</source>
        <translation>der Router ist noch nicht mit dem Internet verbunden</translation>
    </message>
    <message>
        <source>the router has no ports left to give</source>
        <translation>der Router hat keine Ports mehr zu vergeben</translation>
    </message>
    <message>
        <source>the router does not support this request</source>
        <translation>der Router unterstützt diese Anfrage nicht</translation>
    </message>
    <message>
        <source>the router refused (NAT-PMP result {})</source>
        <translation>der Router hat abgelehnt (NAT-PMP-Ergebnis {})</translation>
    </message>
    <message>
        <source>the router&apos;s answer made no sense</source>
        <translation>die Antwort des Routers ergab keinen Sinn</translation>
    </message>
    <message>
        <source>The tournament has started: no {} until it has a winner.</source>
        <translation>Das Turnier läuft: {} erst, wenn es einen Sieger gibt.</translation>
    </message>
    <message>
        <source>standing up</source>
        <translation>Aufstehen</translation>
    </message>
    <message>
        <source>top-ups</source>
        <translation>Aufstocken</translation>
    </message>
    <message>
        <source>removing players</source>
        <translation>Spieler entfernen</translation>
    </message>
    <message>
        <source>removing bots</source>
        <translation>Bots entfernen</translation>
    </message>
    <message>
        <source>leaving (sit out, and the blinds take your stack)</source>
        <translation>Gehen (setz aus, dann nehmen die Blinds deinen Stack)</translation>
    </message>
    <message>
        <source>The tournament has already started.</source>
        <translation>Das Turnier hat schon begonnen.</translation>
    </message>
    <message>
        <source>The tournament has started: registration is closed.</source>
        <translation>Das Turnier läuft: Die Anmeldung ist geschlossen.</translation>
    </message>
    <message>
        <source>A tournament needs two players seated.</source>
        <translation>Ein Turnier braucht zwei Spieler am Tisch.</translation>
    </message>
    <message>
        <source>A tournament&apos;s blinds follow its levels.</source>
        <translation>Die Blinds eines Turniers folgen seinen Levels.</translation>
    </message>
    <message>
        <source>Everyone starts a tournament on the starting stack.</source>
        <translation>Alle beginnen ein Turnier mit dem Startstack.</translation>
    </message>
    <message>
        <source>This table plays a cash game.</source>
        <translation>An diesem Tisch läuft ein Cash Game.</translation>
    </message>
    <message>
        <source>Tournament presets are {}, not {}.</source>
        <translation>Turnierstrukturen sind {}, nicht {}.</translation>
    </message>
    <message>
        <source>The buy-in is a whole number from 0.</source>
        <translation>Das Buy-in ist eine ganze Zahl ab 0.</translation>
    </message>
    <message>
        <source>The first small blind is a whole number from 1.</source>
        <translation>Der erste Small Blind ist eine ganze Zahl ab 1.</translation>
    </message>
    <message>
        <source>The starting stack is at least 10 big blinds of the first level ({}).</source>
        <translation>Der Startstack beträgt mindestens 10 Big Blinds des ersten Levels ({}).</translation>
    </message>
    <message>
        <source>A structure has 1 to {} levels.</source>
        <translation>Eine Struktur hat 1 bis {} Levels.</translation>
    </message>
    <message>
        <source>Level {}: blinds are whole numbers.</source>
        <translation>Level {}: Blinds sind ganze Zahlen.</translation>
    </message>
    <message>
        <source>Level {}: a small blind from 1 up to the big blind.</source>
        <translation>Level {}: ein Small Blind von 1 bis zum Big Blind.</translation>
    </message>
    <message>
        <source>Level {}: the big blind must be above level {}&apos;s.</source>
        <translation>Level {}: Der Big Blind muss über dem von Level {} liegen.</translation>
    </message>
    <message>
        <source>Level {}: 0.1 to 240 minutes.</source>
        <translation>Level {}: 0,1 bis 240 Minuten.</translation>
    </message>
    <message>
        <source>Level {}: small blind/big blind, or small/big/ante (as 50/100/10).</source>
        <translation>Level {}: Small Blind/Big Blind oder Small/Big/Ante (wie 50/100/10).</translation>
    </message>
    <message>
        <source>Payouts are whole percentages, as 50, 30, 20.</source>
        <translation>Auszahlungen sind ganze Prozente, wie 50, 30, 20.</translation>
    </message>
    <message>
        <source>Payouts are whole percentages, largest first, that sum to 100.</source>
        <translation>Auszahlungen sind ganze Prozente, die größte zuerst, zusammen 100.</translation>
    </message>
    <message>
        <source>Antes start at a level from 1 (0: none).</source>
        <translation>Antes beginnen bei einem Level ab 1 (0: keine).</translation>
    </message>
    <message>
        <source>Hands per level: 0 (by minutes) to 1000.</source>
        <translation>Hände je Level: 0 (nach Minuten) bis 1000.</translation>
    </message>
    <message>
        <source>A break every 0 (never) to {} levels.</source>
        <translation>Eine Pause alle 0 (nie) bis {} Levels.</translation>
    </message>
    <message>
        <source>A break lasts 0.1 to 120 minutes.</source>
        <translation>Eine Pause dauert 0,1 bis 120 Minuten.</translation>
    </message>
    <message>
        <source>Late registration until level 0 (none) to {}.</source>
        <translation>Späte Anmeldung bis Level 0 (keine) bis {}.</translation>
    </message>
    <message>
        <source>Rebuys until level 0 (none) to {}.</source>
        <translation>Rebuys bis Level 0 (keine) bis {}.</translation>
    </message>
    <message>
        <source>An add-on is a whole number of chips (0: none).</source>
        <translation>Ein Add-on ist eine ganze Zahl Chips (0: keins).</translation>
    </message>
    <message>
        <source>The add-on comes at the end of the rebuys: set rebuys first.</source>
        <translation>Das Add-on kommt am Ende der Rebuys: zuerst Rebuys einstellen.</translation>
    </message>
    <message>
        <source>A rebuy is already on its way.</source>
        <translation>Ein Rebuy ist schon unterwegs.</translation>
    </message>
    <message>
        <source>This tournament has no rebuys.</source>
        <translation>Dieses Turnier hat keine Rebuys.</translation>
    </message>
    <message>
        <source>Rebuys ended with level {}.</source>
        <translation>Die Rebuys endeten mit Level {}.</translation>
    </message>
    <message>
        <source>Rebuys are for a stack of {} or less.</source>
        <translation>Rebuys gibt es für einen Stack von höchstens {}.</translation>
    </message>
    <message>
        <source>No rebuy is on offer to you.</source>
        <translation>Dir wird kein Rebuy angeboten.</translation>
    </message>
    <message>
        <source>This tournament has no add-on.</source>
        <translation>Dieses Turnier hat kein Add-on.</translation>
    </message>
    <message>
        <source>You have taken the add-on.</source>
        <translation>Du hast das Add-on schon genommen.</translation>
    </message>
    <message>
        <source>The add-on is taken in level {}, the last of rebuys.</source>
        <translation>Das Add-on gibt es in Level {}, dem letzten mit Rebuys.</translation>
    </message>
    <message>
        <source>the router refused: UPnP is locked there</source>
        <translation>der Router hat abgelehnt: UPnP ist dort gesperrt</translation>
    </message>
    <message>
        <source>the router gives that port to another machine already</source>
        <translation>der Router gibt diesen Port schon an einen anderen Rechner</translation>
    </message>
    <message>
        <source>the router wants the same port inside and out, and refused</source>
        <translation>der Router will innen und außen denselben Port und hat abgelehnt</translation>
    </message>
    <message>
        <source>the router refused that port (it keeps the low ports to itself)</source>
        <translation>der Router hat diesen Port abgelehnt (die niedrigen Ports behält er für sich)</translation>
    </message>
    <message>
        <source>the router has no room for another mapping</source>
        <translation>der Router hat keinen Platz für eine weitere Weiterleitung</translation>
    </message>
    <message>
        <source>the router refused (UPnP error {})</source>
        <translation>der Router hat abgelehnt (UPnP-Fehler {})</translation>
    </message>
    <message>
        <source>the router stopped answering</source>
        <translation>der Router hat aufgehört zu antworten</translation>
    </message>
    <message>
        <source>No system keyring was found, so your rejoin tokens are kept in {}, readable only by you.</source>
        <translation>Es wurde kein Schlüsselbund des Systems gefunden, daher liegen deine Rückkehr-Tokens in {}, nur für dich lesbar.</translation>
    </message>
</context>
<context>
    <name>InviteButton</name>
    <message>
        <source>this machine only</source>
        <translation>nur diesen Rechner</translation>
    </message>
    <message>
        <source>the internet</source>
        <translation>das Internet</translation>
    </message>
    <message>
        <source>Copy invite</source>
        <translation>Einladung kopieren</translation>
    </message>
    <message>
        <source>Send this to your friends: they paste it in Join a table.</source>
        <translation>Schick das deinen Freunden: Sie fügen es unter „Tisch beitreten“ ein.</translation>
    </message>
    <message>
        <source>Join my Felt table “{}” ({}): {}</source>
        <translation>Komm an meinen Felt-Tisch „{}“ ({}): {}</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
    <message>
        <source>Copy invite for {} ({})</source>
        <translation>Einladung für {} kopieren ({})</translation>
    </message>
    <message>
        <source>Copy as a message for a chat</source>
        <translation>Als Nachricht für einen Chat kopieren</translation>
    </message>
    <message>
        <source>Invites let their holders in without asking</source>
        <translation>Einladungen lassen ihre Inhaber ohne Nachfrage herein</translation>
    </message>
    <message>
        <source>New invite key (invites sent before then wait for you)</source>
        <translation>Neuer Einladungsschlüssel (bisher verschickte Einladungen warten dann auf dich)</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Join a table</source>
        <translation>Tisch beitreten</translation>
    </message>
    <message>
        <source>Paste the invite your host sent you.</source>
        <translation>Füge die Einladung ein, die dir dein Gastgeber geschickt hat.</translation>
    </message>
    <message>
        <source>Invite</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>This invite was made by a newer Felt: update Felt to join.</source>
        <translation>Diese Einladung stammt von einer neueren Felt-Version: Aktualisiere Felt, um beizutreten.</translation>
    </message>
    <message>
        <source>That does not look like an invite (felt://HOST:PORT/TABLE).</source>
        <translation>Das sieht nicht wie eine Einladung aus (felt://HOST:PORT/TISCH).</translation>
    </message>
    <message>
        <source>This invite carries no pin (it is from an older Felt), so Felt cannot tell this host from someone posing as it. Ask the host for a new invite, or press OK again to join anyway.</source>
        <translation>Diese Einladung enthält keinen Pin (sie stammt von einer älteren Felt-Version), daher kann Felt diesen Gastgeber nicht von jemandem unterscheiden, der sich als er ausgibt. Bitte den Gastgeber um eine neue Einladung, oder drück noch einmal OK, um trotzdem beizutreten.</translation>
    </message>
</context>
<context>
    <name>Joining</name>
    <message>
        <source>Reached the host at {}</source>
        <translation>Gastgeber erreicht unter {}</translation>
    </message>
    <message>
        <source>Looking for the host at {}…</source>
        <translation>Suche den Gastgeber unter {}…</translation>
    </message>
</context>
<context>
    <name>LanTables</name>
    <message>
        <source>No tables on your network right now. Tables friends host here show up by themselves.</source>
        <translation>Gerade keine Tische in deinem Netzwerk. Tische, die Freunde hier eröffnen, erscheinen von selbst.</translation>
    </message>
    <message>
        <source>{} of {} seated</source>
        <translation>{} von {} Plätzen besetzt</translation>
    </message>
    <message>
        <source>hosted by {}</source>
        <translation>Gastgeber: {}</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
    <message>
        <source>Tables on your network</source>
        <translation>Tische in deinem Netzwerk</translation>
    </message>
    <message>
        <source>Hosted at {}, port {}</source>
        <translation>Eröffnet unter {}, Port {}</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Felt is already open here: brought it to the front.</source>
        <translation>Felt ist hier schon geöffnet: in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>Felt is already open here: the invite went to it.</source>
        <translation>Felt ist hier schon geöffnet: Die Einladung ist dort angekommen.</translation>
    </message>
    <message>
        <source>Felt is already running on this computer{}, and did not answer.</source>
        <translation>Felt läuft schon auf diesem Computer{} und hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Two Felts on one data folder would host the same tables on the same database. Close the other Felt (or wait for it to finish quitting), then open Felt again.</source>
        <translation>Zwei Felts mit demselben Datenordner würden dieselben Tische in derselben Datenbank führen. Schließ das andere Felt (oder warte, bis es sich beendet hat) und öffne Felt dann erneut.</translation>
    </message>
    <message>
        <source> (process {})</source>
        <translation> (Prozess {})</translation>
    </message>
    <message>
        <source>Felt is already running</source>
        <translation>Felt läuft bereits</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Buy-ins</source>
        <translation>Buy-ins</translation>
    </message>
    <message>
        <source>Top-ups</source>
        <translation>Nachkäufe</translation>
    </message>
    <message>
        <source>Cashed out</source>
        <translation>Ausgezahlt</translation>
    </message>
    <message>
        <source>On the table</source>
        <translation>Auf dem Tisch</translation>
    </message>
    <message>
        <source>In the pot</source>
        <translation>Im Pot</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>7-2 bounties</source>
        <translation>7-2-Prämien</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
    <message>
        <source>Buy-in</source>
        <translation>Buy-in</translation>
    </message>
    <message>
        <source>Rebuys, add-on</source>
        <translation>Rebuys, Add-on</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Not won yet</source>
        <translation>Noch nicht gewonnen</translation>
    </message>
    <message>
        <source>Ledger · {}</source>
        <translation>Kassenbuch · {}</translation>
    </message>
    <message>
        <source>To settle up</source>
        <translation>Zum Abrechnen</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Zahlt</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Asking the host…</source>
        <translation>Frage den Gastgeber…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Prize pool</source>
        <translation>Preispool</translation>
    </message>
    <message>
        <source>{} (bot)</source>
        <translation>{} (Bot)</translation>
    </message>
    <message>
        <source>{} paid in buy-ins; every one a prize or still in the pool.</source>
        <translation>{} in Buy-ins gezahlt; jeder davon ein Preis oder noch im Pool.</translation>
    </message>
    <message>
        <source>{} paid in buy-ins; the ledger does NOT balance.</source>
        <translation>{} in Buy-ins gezahlt; das Kassenbuch geht NICHT auf.</translation>
    </message>
    <message>
        <source>{} chips brought to the table; every one accounted for.</source>
        <translation>{} Chips an den Tisch gebracht; jeder einzelne ist verbucht.</translation>
    </message>
    <message>
        <source>{} chips brought to the table; the ledger does NOT balance.</source>
        <translation>{} Chips an den Tisch gebracht; das Kassenbuch geht NICHT auf.</translation>
    </message>
    <message numerus="yes">
        <source>To settle up, in %n payment(s):</source>
        <translation>
            <numerusform>Zum Abrechnen, mit %n Zahlung:</numerusform>
            <numerusform>Zum Abrechnen, mit %n Zahlungen:</numerusform>
        </translation>
    </message>
    <message>
        <source>To settle up: nobody owes anybody anything.</source>
        <translation>Zum Abrechnen: niemand schuldet jemandem etwas.</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>Das Kassenbuch exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Felt</source>
        <translation>&amp;Felt</translation>
    </message>
    <message>
        <source>&amp;Play now</source>
        <translation>&amp;Jetzt spielen</translation>
    </message>
    <message>
        <source>&amp;Host a table…</source>
        <translation>Tisch &amp;eröffnen…</translation>
    </message>
    <message>
        <source>&amp;Join a table…</source>
        <translation>Tisch bei&amp;treten…</translation>
    </message>
    <message>
        <source>New host &amp;key…</source>
        <translation>Neuer &amp;Hostschlüssel…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tisch</translation>
    </message>
    <message>
        <source>Hand &amp;histories…</source>
        <translation>Hand&amp;verläufe…</translation>
    </message>
    <message>
        <source>&amp;Ledger…</source>
        <translation>&amp;Kassenbuch…</translation>
    </message>
    <message>
        <source>&amp;Sit out next hand / I&apos;m back</source>
        <translation>Nächste Hand &amp;aussetzen / Bin zurück</translation>
    </message>
    <message>
        <source>S&amp;tand up</source>
        <translation>Auf&amp;stehen</translation>
    </message>
    <message>
        <source>Back to the &amp;lobby</source>
        <translation>Zurück zur &amp;Lobby</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Felt…</source>
        <translation>Über &amp;Felt…</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>1st</source>
        <translation>Erster</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>Zweiter</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>Dritter</translation>
    </message>
    <message>
        <source>4th</source>
        <translation>Vierter</translation>
    </message>
    <message>
        <source>5th</source>
        <translation>Fünfter</translation>
    </message>
    <message>
        <source>6th</source>
        <translation>Sechster</translation>
    </message>
    <message>
        <source>7th</source>
        <translation>Siebter</translation>
    </message>
    <message>
        <source>8th</source>
        <translation>Achter</translation>
    </message>
    <message>
        <source>9th</source>
        <translation>Neunter</translation>
    </message>
    <message>
        <source>10th</source>
        <translation>Zehnter</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <source>You are in a hand</source>
        <translation>Du bist in einer Hand</translation>
    </message>
    <message>
        <source>You are in the middle of a hand. If you go now, your hand is checked or folded when your time runs out, and your seat waits for you. Go anyway?</source>
        <translation>Du bist mitten in einer Hand. Wenn du jetzt gehst, wird deine Hand gecheckt oder gepasst, sobald deine Zeit abläuft, und dein Platz wartet auf dich. Trotzdem gehen?</translation>
    </message>
    <message>
        <source>Go anyway</source>
        <translation>Trotzdem gehen</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Bleiben</translation>
    </message>
    <message>
        <source>Quit Felt</source>
        <translation>Felt beenden</translation>
    </message>
    <message>
        <source>You are hosting. Keep your tables for next time (they resume where they are when you start Felt again), or close them for good?</source>
        <translation>Du bist Gastgeber. Deine Tische fürs nächste Mal behalten (sie machen dort weiter, wo sie stehen, wenn du Felt wieder startest), oder sie endgültig schließen?</translation>
    </message>
    <message>
        <source>Keep and quit</source>
        <translation>Behalten und beenden</translation>
    </message>
    <message>
        <source>Close tables and quit</source>
        <translation>Tische schließen und beenden</translation>
    </message>
    <message>
        <source>The port is taken</source>
        <translation>Der Port ist belegt</translation>
    </message>
    <message>
        <source>Another program is using port {taken}, where Felt hosts your tables. Host on port {free} instead? Friends will need a new invite (Felt keeps port {free} from now on). Or close the other program and try again.</source>
        <translation>Ein anderes Programm benutzt Port {taken}, auf dem Felt deine Tische eröffnet. Stattdessen auf Port {free} eröffnen? Deine Freunde brauchen dann eine neue Einladung (Felt bleibt von nun an bei Port {free}). Oder schließ das andere Programm und versuch es noch einmal.</translation>
    </message>
    <message>
        <source>Use port {}</source>
        <translation>Port {} verwenden</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Noch einmal versuchen</translation>
    </message>
    <message>
        <source>Make a new host key?</source>
        <translation>Einen neuen Hostschlüssel erstellen?</translation>
    </message>
    <message>
        <source>Guests check your tables by your host key. Make a new one if an invite reached someone it should not have, or this machine&apos;s key may have been copied. Invites you sent before stop working (send new ones: Copy invite, at the table). Friends connected now are told the new key and keep their seats; friends away now need a new invite.</source>
        <translation>Gäste prüfen deine Tische anhand deines Hostschlüssels. Erstelle einen neuen, wenn eine Einladung jemanden erreicht hat, der sie nicht haben sollte, oder wenn der Schlüssel dieses Rechners kopiert worden sein könnte. Bisher verschickte Einladungen funktionieren dann nicht mehr (schick neue: „Einladung kopieren“ am Tisch). Freunde, die gerade verbunden sind, erfahren den neuen Schlüssel und behalten ihre Plätze; Freunde, die gerade weg sind, brauchen eine neue Einladung.</translation>
    </message>
    <message>
        <source>Make a new key</source>
        <translation>Neuen Schlüssel erstellen</translation>
    </message>
    <message>
        <source>A new host key</source>
        <translation>Ein neuer Hostschlüssel</translation>
    </message>
    <message>
        <source>Felt made a new key for hosting on this machine (the old one was missing or damaged). Invites you sent before no longer work, and friends who sat at your tables will be told the host&apos;s key changed: send them a new invite (Copy invite, at the table).</source>
        <translation>Felt hat einen neuen Schlüssel für deine Tische auf diesem Rechner erstellt (der alte fehlte oder war beschädigt). Bisher verschickte Einladungen funktionieren nicht mehr, und Freunde, die an deinen Tischen saßen, erfahren, dass sich der Schlüssel des Gastgebers geändert hat: Schick ihnen eine neue Einladung („Einladung kopieren“ am Tisch).</translation>
    </message>
</context>
<context>
    <name>RebuyButtons</name>
    <message>
        <source>Rebuy ({})</source>
        <translation>Rebuy ({})</translation>
    </message>
    <message>
        <source>One more buy-in of {} for {} chips, until level {} ends</source>
        <translation>Ein weiteres Buy-in von {} für {} Chips, bis Level {} endet</translation>
    </message>
    <message>
        <source>Add-on ({})</source>
        <translation>Add-on ({})</translation>
    </message>
    <message>
        <source>Once, for one more buy-in of {}: {} chips, this level only</source>
        <translation>Einmal, für ein weiteres Buy-in von {}: {} Chips, nur in diesem Level</translation>
    </message>
</context>
<context>
    <name>RebuyOffer</name>
    <message>
        <source>Rebuy</source>
        <translation>Rebuy</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>Nein danke</translation>
    </message>
    <message>
        <source>You are out of chips: rebuy for {} ({} chips) within {} s, or finish {}.</source>
        <translation>Du hast keine Chips mehr: Rebuy für {} ({} Chips) innerhalb von {} s, oder du wirst {}.</translation>
    </message>
</context>
<context>
    <name>Router</name>
    <message>
        <source>a VPN every player joins (Tailscale or ZeroTier, say)</source>
        <translation>ein VPN, dem alle Spieler beitreten (etwa Tailscale oder ZeroTier)</translation>
    </message>
    <message>
        <source>forward TCP port {} to this machine there by hand</source>
        <translation>dort TCP-Port {} von Hand an diesen Rechner weiterleiten</translation>
    </message>
    <message>
        <source>Internet: asking your router for the port…</source>
        <translation>Internet: Frage deinen Router nach dem Port…</translation>
    </message>
    <message>
        <source>Your router opened the port ({}).</source>
        <translation>Dein Router hat den Port geöffnet ({}).</translation>
    </message>
    <message>
        <source>Reachable from the internet at {}</source>
        <translation>Aus dem Internet erreichbar unter {}</translation>
    </message>
    <message>
        <source>This machine reached itself there, with its own key.</source>
        <translation>Dieser Rechner hat sich dort selbst erreicht, mit seinem eigenen Schlüssel.</translation>
    </message>
    <message>
        <source>Reachable from the internet at {} (not checked)</source>
        <translation>Aus dem Internet erreichbar unter {} (nicht geprüft)</translation>
    </message>
    <message>
        <source>Felt could not check it from here: many routers cannot loop back to their own address. A friend outside your network will know.</source>
        <translation>Felt konnte es von hier aus nicht prüfen: Viele Router können ihre eigene Adresse nicht von innen erreichen. Ein Freund außerhalb deines Netzwerks weiß es.</translation>
    </message>
    <message>
        <source>Not reachable from the internet: your provider shares its address (CGNAT)</source>
        <translation>Aus dem Internet nicht erreichbar: Dein Anbieter teilt seine Adresse (CGNAT)</translation>
    </message>
    <message>
        <source>Your router&apos;s own address, {}, is in 100.64.0.0/10: your internet provider puts many homes behind one address, and nothing your router maps can reach you. What works: {}, hosting from a machine with a public address, or asking your provider for a public IPv4 address.</source>
        <translation>Die eigene Adresse deines Routers, {}, liegt in 100.64.0.0/10: Dein Internetanbieter stellt viele Haushalte hinter eine Adresse, und nichts, was dein Router weiterleitet, kann dich erreichen. Was hilft: {}, ein Tisch auf einem Rechner mit öffentlicher Adresse, oder deinen Anbieter um eine öffentliche IPv4-Adresse bitten.</translation>
    </message>
    <message>
        <source>Not reachable from the internet: your router is behind another router</source>
        <translation>Aus dem Internet nicht erreichbar: Dein Router steht hinter einem anderen Router</translation>
    </message>
    <message>
        <source>Your router&apos;s own address, {}, is a private one: another router (often the provider&apos;s box) stands between it and the internet. Forward TCP port {} on that one to your router, put it in bridge mode, or use {}.</source>
        <translation>Die eigene Adresse deines Routers, {}, ist eine private: Ein anderer Router (oft die Box des Anbieters) steht zwischen ihm und dem Internet. Leite dort TCP-Port {} an deinen Router weiter, schalte ihn in den Bridge-Modus oder nutze {}.</translation>
    </message>
    <message>
        <source>Not reachable from the internet: your router refused the port</source>
        <translation>Aus dem Internet nicht erreichbar: Dein Router hat den Port verweigert</translation>
    </message>
    <message>
        <source>{}. Turn on UPnP or NAT-PMP in the router&apos;s settings, or {}. Friends on your network can join already.</source>
        <translation>{}. Schalte UPnP oder NAT-PMP in den Einstellungen des Routers ein, oder {}. Freunde in deinem Netzwerk können schon beitreten.</translation>
    </message>
    <message>
        <source>Not reachable from the internet: no router answered</source>
        <translation>Aus dem Internet nicht erreichbar: Kein Router hat geantwortet</translation>
    </message>
    <message>
        <source>Neither NAT-PMP nor UPnP answered. Turn on UPnP in your router&apos;s settings, or {}. Friends on your network can join already.</source>
        <translation>Weder NAT-PMP noch UPnP haben geantwortet. Schalte UPnP in den Einstellungen deines Routers ein, oder {}. Freunde in deinem Netzwerk können schon beitreten.</translation>
    </message>
</context>
<context>
    <name>RunTwiceBar</name>
    <message>
        <source>Run it twice</source>
        <translation>Zweimal ausspielen</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <source>Everyone is all in: run the rest of the board twice? {} s</source>
        <translation>Alle sind all-in: den Rest des Boards zweimal ausspielen? {} s</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Say something…</source>
        <translation>Sag etwas…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Hand log</source>
        <translation>Handverlauf</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
</context>
<context>
    <name>SitAndGoForm</name>
    <message>
        <source>Turbo: {} minutes a level, {} big blinds to start</source>
        <translation>Turbo: {} Minuten je Level, {} Big Blinds zum Start</translation>
    </message>
    <message>
        <source>Regular: {} minutes a level, {} big blinds to start</source>
        <translation>Normal: {} Minuten je Level, {} Big Blinds zum Start</translation>
    </message>
    <message>
        <source>Deep: {} minutes a level, {} big blinds to start</source>
        <translation>Deep: {} Minuten je Level, {} Big Blinds zum Start</translation>
    </message>
    <message>
        <source>What each player pays in, in the ledger&apos;s units</source>
        <translation>Was jeder Spieler einzahlt, in den Einheiten des Kassenbuchs</translation>
    </message>
    <message>
        <source>small blind </source>
        <translation>Small Blind </translation>
    </message>
    <message>
        <source> chips</source>
        <translation> Chips</translation>
    </message>
    <message>
        <source> hands</source>
        <translation> Hände</translation>
    </message>
    <message>
        <source>No breaks</source>
        <translation>Keine Pausen</translation>
    </message>
    <message>
        <source>after every </source>
        <translation>nach je </translation>
    </message>
    <message>
        <source> levels</source>
        <translation> Levels</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>not by hands</source>
        <translation>nicht nach Händen</translation>
    </message>
    <message>
        <source>A level lasts this many hands instead of its minutes</source>
        <translation>Ein Level dauert so viele Hände statt seiner Minuten</translation>
    </message>
    <message>
        <source>for </source>
        <translation>für </translation>
    </message>
    <message>
        <source>No late seats</source>
        <translation>Keine späten Plätze</translation>
    </message>
    <message>
        <source>until level </source>
        <translation>bis Level </translation>
    </message>
    <message>
        <source>No antes</source>
        <translation>Keine Antes</translation>
    </message>
    <message>
        <source>from level </source>
        <translation>ab Level </translation>
    </message>
    <message>
        <source>By the number of players (or type, e.g. 50, 30, 20)</source>
        <translation>Nach Spielerzahl (oder eintippen, z. B. 50, 30, 20)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struktur</translation>
    </message>
    <message>
        <source>Buy-in</source>
        <translation>Buy-in</translation>
    </message>
    <message>
        <source>First blinds</source>
        <translation>Erste Blinds</translation>
    </message>
    <message>
        <source>Starting stack</source>
        <translation>Startstack</translation>
    </message>
    <message>
        <source>Level length</source>
        <translation>Levellänge</translation>
    </message>
    <message>
        <source>Breaks</source>
        <translation>Pausen</translation>
    </message>
    <message>
        <source>Late registration</source>
        <translation>Späte Anmeldung</translation>
    </message>
    <message>
        <source>Rebuys</source>
        <translation>Rebuys</translation>
    </message>
    <message>
        <source>Antes</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>Own levels</source>
        <translation>Eigene Levels</translation>
    </message>
    <message>
        <source>Payouts (%)</source>
        <translation>Auszahlung (%)</translation>
    </message>
    <message>
        <source>No rebuys</source>
        <translation>Keine Rebuys</translation>
    </message>
    <message>
        <source>A player at or below the starting stack may buy in again until then</source>
        <translation>Wer höchstens den Startstack hat, darf bis dahin erneut einkaufen</translation>
    </message>
    <message>
        <source>No add-on</source>
        <translation>Kein Add-on</translation>
    </message>
    <message>
        <source>add-on </source>
        <translation>Add-on </translation>
    </message>
    <message>
        <source>Once each, for one more buy-in, in the last level of rebuys</source>
        <translation>Einmal pro Spieler, für ein weiteres Buy-in, im letzten Level mit Rebuys</translation>
    </message>
    <message>
        <source>Empty: the structure&apos;s own, a level a line:</source>
        <translation>Leer: die der Struktur, ein Level je Zeile:</translation>
    </message>
</context>
<context>
    <name>StandingsDialog</name>
    <message>
        <source>Standings · {}</source>
        <translation>Platzierungen · {}</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Platz</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>{} wins the tournament.</source>
        <translation>{} gewinnt das Turnier.</translation>
    </message>
    <message>
        <source>Still playing: {} out so far.</source>
        <translation>Läuft noch: bisher {} ausgeschieden.</translation>
    </message>
    <message>
        <source>{} entrants, {} each: a prize pool of {}.</source>
        <translation>{} Teilnehmer, je {}: ein Preispool von {}.</translation>
    </message>
    <message>
        <source>{} entrants, rebuys: {}, add-ons: {}, at {} each: a prize pool of {}.</source>
        <translation>{} Teilnehmer, Rebuys: {}, Add-ons: {}, je {}: ein Preispool von {}.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>Could not reach the host on port {port} at any address the invite names ({tried}). Not on the host&apos;s network? Then the host may need to forward port {port} on their router.</source>
        <translation>Der Gastgeber war auf Port {port} unter keiner der Adressen aus der Einladung erreichbar ({tried}). Nicht im Netzwerk des Gastgebers? Dann muss der Gastgeber vielleicht Port {port} an seinem Router weiterleiten.</translation>
    </message>
    <message>
        <source>Home games on your own machine. Nothing is ever lost.</source>
        <translation>Pokerabende auf deinem eigenen Rechner. Nichts geht je verloren.</translation>
    </message>
    <message>
        <source>Player</source>
        <translation>Spieler</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>Play now</source>
        <translation>Jetzt spielen</translation>
    </message>
    <message>
        <source>Host a table…</source>
        <translation>Tisch eröffnen…</translation>
    </message>
    <message>
        <source>Join a table…</source>
        <translation>Tisch beitreten…</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Four-colour deck</source>
        <translation>Vierfarbiges Deck</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Your tables</source>
        <translation>Deine Tische</translation>
    </message>
    <message>
        <source>Felt speaks {} from its next start.</source>
        <translation>Felt spricht ab dem nächsten Start {}.</translation>
    </message>
    <message>
        <source>hosting</source>
        <translation>Gastgeber</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>beigetreten</translation>
    </message>
    <message>
        <source>No tables yet. Play now starts one on this machine.</source>
        <translation>Noch keine Tische. „Jetzt spielen“ eröffnet einen auf diesem Rechner.</translation>
    </message>
</context>
<context>
    <name>TableScreen</name>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Your host key is new: invites sent before no longer work. Copy invite has new ones.</source>
        <translation>Dein Hostschlüssel ist neu: Bisher verschickte Einladungen funktionieren nicht mehr. „Einladung kopieren“ hat neue.</translation>
    </message>
    <message>
        <source>The host made a new key: Felt checks the host by it from now on.</source>
        <translation>Der Gastgeber hat einen neuen Schlüssel erstellt: Felt prüft ihn ab jetzt anhand dieses Schlüssels.</translation>
    </message>
    <message>
        <source>Hand histories…</source>
        <translation>Handverläufe…</translation>
    </message>
    <message>
        <source>Ledger…</source>
        <translation>Kassenbuch…</translation>
    </message>
    <message>
        <source>Standings…</source>
        <translation>Platzierungen…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Nachkaufen</translation>
    </message>
    <message>
        <source>Stand up</source>
        <translation>Aufstehen</translation>
    </message>
    <message>
        <source>Lobby</source>
        <translation>Lobby</translation>
    </message>
    <message>
        <source>At this table the host&apos;s hand histories show every hole card.</source>
        <translation>An diesem Tisch zeigen die Handverläufe des Gastgebers alle verdeckten Karten.</translation>
    </message>
    <message>
        <source>PLO {}</source>
        <translation>PLO {}</translation>
    </message>
    <message>
        <source>{} straddle</source>
        <translation>{} Straddle</translation>
    </message>
    <message>
        <source>7-2 game ({})</source>
        <translation>7-2-Spiel ({})</translation>
    </message>
    <message>
        <source>Rebuy</source>
        <translation>Rebuy</translation>
    </message>
    <message>
        <source>Waiting for the host to let you in (the invite&apos;s key was renewed)…</source>
        <translation>Warte, bis der Gastgeber dich hereinlässt (der Schlüssel der Einladung wurde erneuert)…</translation>
    </message>
    <message>
        <source>Waiting for the host to let you in…</source>
        <translation>Warte, bis der Gastgeber dich hereinlässt…</translation>
    </message>
    <message>
        <source>Watching: click an empty seat to sit down</source>
        <translation>Zuschauen: Klick auf einen freien Platz, um dich zu setzen</translation>
    </message>
    <message>
        <source>You finished {}: watching</source>
        <translation>Du bist {} geworden: Zuschauen</translation>
    </message>
    <message>
        <source>Watching</source>
        <translation>Zuschauen</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <source>Folded</source>
        <translation>Gepasst</translation>
    </message>
    <message>
        <source>All-in</source>
        <translation>All-in</translation>
    </message>
    <message>
        <source>Sitting out</source>
        <translation>Setzt aus</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Leaving</source>
        <translation>Geht</translation>
    </message>
    <message>
        <source>Pot {}</source>
        <translation>Pot {}</translation>
    </message>
    <message>
        <source>Side pot {}</source>
        <translation>Side-Pot {}</translation>
    </message>
    <message>
        <source>{} · blinds {}</source>
        <translation>{} · Blinds {}</translation>
    </message>
    <message>
        <source>, ante {}</source>
        <translation>, Ante {}</translation>
    </message>
    <message>
        <source>Take a seat</source>
        <translation>Hinsetzen</translation>
    </message>
    <message>
        <source>Seat {}</source>
        <translation>Platz {}</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(du)</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>away</source>
        <translation>weg</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>Busted · click: Rebuy</source>
        <translation>Pleite · Klick: Rebuy</translation>
    </message>
    <message>
        <source>Sitting out · click: I&apos;m back</source>
        <translation>Setzt aus · Klick: Bin zurück</translation>
    </message>
    <message>
        <source>time bank {:.0f}s</source>
        <translation>Zeitbank {:.0f} s</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <source>Rebuy</source>
        <translation>Rebuy</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Aufstocken</translation>
    </message>
    <message>
        <source>Add {} to {} chips (the table&apos;s maximum is {}).</source>
        <translation>Füge {} bis {} Chips hinzu (das Maximum des Tisches ist {}).</translation>
    </message>
    <message>
        <source>The host approves top-ups at this table.</source>
        <translation>An diesem Tisch genehmigt der Gastgeber jedes Aufstocken.</translation>
    </message>
    <message>
        <source>Chips</source>
        <translation>Chips</translation>
    </message>
</context>
<context>
    <name>Tournament</name>
    <message>
        <source>Sit-and-go · buy-in {} · {} chips · {} seated · prizes {}</source>
        <translation>Sit-and-Go · Buy-in {} · {} Chips · {} sitzen · Preise {}</translation>
    </message>
    <message>
        <source>{} won the tournament and {}</source>
        <translation>{} hat das Turnier gewonnen und {}</translation>
    </message>
    <message>
        <source> ante {}</source>
        <translation> Ante {}</translation>
    </message>
    <message>
        <source>Level {}: {}</source>
        <translation>Level {}: {}</translation>
    </message>
    <message>
        <source>, {}:{:02d} to {}/{}</source>
        <translation>, {}:{:02d} bis {}/{}</translation>
    </message>
    <message>
        <source>, hand {} of {}</source>
        <translation>, Hand {} von {}</translation>
    </message>
    <message>
        <source>Break: {}:{:02d}, then level {}: {}/{}</source>
        <translation>Pause: {}:{:02d}, dann Level {}: {}/{}</translation>
    </message>
    <message>
        <source>{} of {} left</source>
        <translation>{} von {} übrig</translation>
    </message>
    <message>
        <source>average {}</source>
        <translation>Schnitt {}</translation>
    </message>
    <message>
        <source>prizes {}</source>
        <translation>Preise {}</translation>
    </message>
    <message>
        <source>late seats until level {}</source>
        <translation>späte Plätze bis Level {}</translation>
    </message>
    <message>
        <source>rebuys until level {}</source>
        <translation>Rebuys bis Level {}</translation>
    </message>
</context>
</TS>
