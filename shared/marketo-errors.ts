/**
 * Marketo REST API error codes, explained in every language the extension speaks.
 * Response-level codes (6xx, 7xx) fail a whole call; record-level codes (1xxx) fail one record.
 */
export const CATALOG_LANGUAGES = ['en', 'nl', 'sv', 'fr'] as const;
export type CatalogLanguage = (typeof CATALOG_LANGUAGES)[number];

export type MarketoErrorLevel = 'response' | 'record';
/**
 * When a retry can succeed: `yes` (soon, with backoff), `after_reauth` (with a new access token),
 * `after_reset` (once the daily quota resets), `no` (the request or data must change first).
 */
export type MarketoRetry = 'yes' | 'after_reauth' | 'after_reset' | 'no';

export interface MarketoErrorInfo {
  code: number;
  level: MarketoErrorLevel;
  retry: MarketoRetry;
  retryable: boolean;
  meaning: Record<CatalogLanguage, string>;
}

type Row = [code: number, retry: MarketoRetry, en: string, nl: string, sv: string, fr: string];

const ROWS: Row[] = [
  [601, 'after_reauth', 'The access token is invalid.', 'Het toegangstoken is ongeldig.', 'Åtkomsttoken är ogiltig.', "Le jeton d'accès n'est pas valide."],
  [602, 'after_reauth', 'The access token has expired.', 'Het toegangstoken is verlopen.', 'Åtkomsttoken har gått ut.', "Le jeton d'accès a expiré."],
  [603, 'no', 'Access denied: the API user lacks the permission.', 'Toegang geweigerd: de API-gebruiker heeft die rechten niet.', 'Åtkomst nekad: API-användaren saknar behörighet.', "Accès refusé : l'utilisateur API n'a pas l'autorisation."],
  [604, 'yes', 'The request timed out.', 'Het verzoek duurde te lang.', 'Begäran tog för lång tid.', 'La requête a expiré.'],
  [605, 'no', 'This HTTP method is not supported here.', 'Deze HTTP-methode wordt hier niet ondersteund.', 'HTTP-metoden stöds inte här.', "Cette méthode HTTP n'est pas prise en charge ici."],
  [606, 'yes', 'Rate limit reached (100 calls per 20 seconds).', 'Snelheidslimiet bereikt (100 aanroepen per 20 seconden).', 'Hastighetsgränsen nådd (100 anrop per 20 sekunder).', 'Limite de débit atteinte (100 appels par 20 secondes).'],
  [607, 'after_reset', 'The daily API quota is used up.', 'Het dagelijkse API-quotum is op.', 'Den dagliga API-kvoten är förbrukad.', 'Le quota quotidien de l’API est épuisé.'],
  [608, 'yes', 'The API is temporarily unavailable.', 'De API is tijdelijk niet beschikbaar.', 'API:et är tillfälligt otillgängligt.', "L'API est temporairement indisponible."],
  [609, 'no', 'The request body is not valid JSON.', 'De inhoud van het verzoek is geen geldige JSON.', 'Begärans innehåll är inte giltig JSON.', "Le corps de la requête n'est pas du JSON valide."],
  [610, 'no', 'The requested resource was not found.', 'De gevraagde bron is niet gevonden.', 'Den begärda resursen hittades inte.', "La ressource demandée est introuvable."],
  [611, 'yes', 'A system error occurred at Marketo.', 'Er trad een systeemfout op bij Marketo.', 'Ett systemfel uppstod hos Marketo.', 'Une erreur système est survenue chez Marketo.'],
  [612, 'no', 'The content type is not valid for this call.', 'Het inhoudstype is niet geldig voor deze aanroep.', 'Innehållstypen är inte giltig för anropet.', "Le type de contenu n'est pas valide pour cet appel."],
  [613, 'no', 'The multipart request is malformed.', 'Het multipart-verzoek is onjuist opgebouwd.', 'Multipart-begäran är felaktigt uppbyggd.', 'La requête multipart est mal formée.'],
  [614, 'no', 'The subscription is invalid or not found.', 'Het abonnement is ongeldig of niet gevonden.', 'Prenumerationen är ogiltig eller hittades inte.', "L'abonnement est invalide ou introuvable."],
  [615, 'yes', 'Too many concurrent calls (at most 10 at once).', 'Te veel gelijktijdige aanroepen (hooguit 10 tegelijk).', 'För många samtidiga anrop (högst 10 åt gången).', 'Trop d’appels simultanés (10 au maximum).'],
  [616, 'no', 'This subscription type cannot use the API.', 'Dit abonnementstype kan de API niet gebruiken.', 'Den här prenumerationstypen kan inte använda API:et.', "Ce type d'abonnement ne peut pas utiliser l'API."],
  [701, 'no', 'A required field was left blank.', 'Een verplicht veld is leeg gelaten.', 'Ett obligatoriskt fält lämnades tomt.', 'Un champ obligatoire est vide.'],
  [702, 'no', 'No data matched the request.', 'Er zijn geen gegevens gevonden voor het verzoek.', 'Inga data matchade begäran.', 'Aucune donnée ne correspond à la requête.'],
  [703, 'no', 'The feature is not enabled for this subscription.', 'De functie is niet ingeschakeld voor dit abonnement.', 'Funktionen är inte aktiverad för prenumerationen.', "La fonction n'est pas activée pour cet abonnement."],
  [704, 'no', 'A date has an invalid format.', 'Een datum heeft een ongeldige notatie.', 'Ett datum har ogiltigt format.', 'Une date a un format non valide.'],
  [709, 'no', 'The call breaks a business rule in Marketo.', 'De aanroep overtreedt een bedrijfsregel in Marketo.', 'Anropet bryter mot en affärsregel i Marketo.', 'L’appel enfreint une règle métier de Marketo.'],
  [710, 'no', 'The parent folder was not found.', 'De bovenliggende map is niet gevonden.', 'Den överordnade mappen hittades inte.', 'Le dossier parent est introuvable.'],
  [711, 'no', 'The folder type does not fit this asset.', 'Het maptype past niet bij dit item.', 'Mapptypen passar inte den här tillgången.', 'Le type de dossier ne convient pas à cet élément.'],
  [712, 'no', 'Merging into a person account is not allowed.', 'Samenvoegen met een persoonsaccount is niet toegestaan.', 'Sammanslagning med ett personkonto är inte tillåten.', 'La fusion dans un compte personnel est interdite.'],
  [713, 'yes', 'A transient error occurred; try again.', 'Er trad een tijdelijke fout op; probeer het opnieuw.', 'Ett tillfälligt fel uppstod; försök igen.', 'Une erreur passagère est survenue ; réessayez.'],
  [714, 'no', 'No default record type was found.', 'Er is geen standaard recordtype gevonden.', 'Ingen standardposttyp hittades.', "Aucun type d'enregistrement par défaut n'a été trouvé."],
  [718, 'no', 'The external sales person id was not found.', 'Het externe id van de verkoper is niet gevonden.', 'Säljarens externa id hittades inte.', "L'identifiant externe du commercial est introuvable."],
  [719, 'yes', 'The database lock wait timed out.', 'Het wachten op een databasevergrendeling duurde te lang.', 'Väntan på databaslås tog för lång tid.', "L'attente d'un verrou de base de données a expiré."],
  [1001, 'no', 'A field has an invalid value.', 'Een veld heeft een ongeldige waarde.', 'Ett fält har ett ogiltigt värde.', 'Un champ a une valeur non valide.'],
  [1002, 'no', 'A required value is missing.', 'Een verplichte waarde ontbreekt.', 'Ett obligatoriskt värde saknas.', 'Une valeur obligatoire manque.'],
  [1003, 'no', 'The data is invalid for this operation.', 'De gegevens zijn ongeldig voor deze bewerking.', 'Data är ogiltiga för åtgärden.', 'Les données ne conviennent pas à cette opération.'],
  [1004, 'no', 'The lead was not found.', 'De lead is niet gevonden.', 'Leadet hittades inte.', 'Le lead est introuvable.'],
  [1005, 'no', 'The lead already exists.', 'De lead bestaat al.', 'Leadet finns redan.', 'Le lead existe déjà.'],
  [1006, 'no', 'The field was not found.', 'Het veld is niet gevonden.', 'Fältet hittades inte.', 'Le champ est introuvable.'],
  [1007, 'no', 'Several leads match the lookup.', 'Meerdere leads passen bij de zoekopdracht.', 'Flera leads matchar sökningen.', 'Plusieurs leads correspondent à la recherche.'],
  [1008, 'no', 'Access to the lead partition is denied.', 'Toegang tot de leadpartitie is geweigerd.', 'Åtkomst till leadpartitionen nekas.', "L'accès à la partition de leads est refusé."],
  [1009, 'no', 'A partition name must be given.', 'Er moet een partitienaam worden opgegeven.', 'Ett partitionsnamn måste anges.', 'Un nom de partition doit être indiqué.'],
  [1010, 'no', 'The partition cannot be changed this way.', 'De partitie kan zo niet worden gewijzigd.', 'Partitionen kan inte ändras på det här sättet.', 'La partition ne peut pas être modifiée ainsi.'],
  [1011, 'no', 'This field is not supported here.', 'Dit veld wordt hier niet ondersteund.', 'Fältet stöds inte här.', "Ce champ n'est pas pris en charge ici."],
  [1012, 'no', 'The cookie value is invalid.', 'De cookiewaarde is ongeldig.', 'Cookievärdet är ogiltigt.', 'La valeur du cookie est invalide.'],
  [1013, 'no', 'The object was not found.', 'Het object is niet gevonden.', 'Objektet hittades inte.', "L'objet est introuvable."],
  [1014, 'no', 'The object could not be created.', 'Het object kon niet worden aangemaakt.', 'Objektet kunde inte skapas.', "L'objet n'a pas pu être créé."],
  [1015, 'no', 'The lead is not in the list.', 'De lead staat niet in de lijst.', 'Leadet finns inte i listan.', "Le lead n'est pas dans la liste."],
  [1016, 'yes', 'Too many imports are queued; wait and retry.', 'Er staan te veel imports in de wachtrij; wacht en probeer opnieuw.', 'För många importer i kö; vänta och försök igen.', "Trop d'imports en file d'attente ; patientez puis réessayez."],
  [1017, 'no', 'The object already exists.', 'Het object bestaat al.', 'Objektet finns redan.', "L'objet existe déjà."],
  [1018, 'no', 'Not allowed while CRM sync is enabled.', 'Niet toegestaan zolang CRM-synchronisatie aan staat.', 'Inte tillåtet när CRM-synkronisering är på.', 'Interdit tant que la synchronisation CRM est active.'],
  [1019, 'yes', 'An import of this list is still running.', 'Er loopt nog een import van deze lijst.', 'En import av listan pågår fortfarande.', "Un import de cette liste est encore en cours."],
  [1020, 'no', 'Too many clones to this program.', 'Te veel kopieën naar dit programma.', 'För många kloner till programmet.', 'Trop de copies vers ce programme.'],
  [1021, 'no', 'Updating the company is not allowed.', 'Het bedrijf bijwerken is niet toegestaan.', 'Det är inte tillåtet att uppdatera företaget.', "La mise à jour de l'entreprise est interdite."],
  [1022, 'no', 'The object is in use elsewhere.', 'Het object wordt elders gebruikt.', 'Objektet används på annat ställe.', "L'objet est utilisé ailleurs."],
  [1025, 'no', 'The program status was not found.', 'De programmastatus is niet gevonden.', 'Programstatusen hittades inte.', 'Le statut de programme est introuvable.'],
  [1026, 'no', 'Custom objects are not enabled.', 'Aangepaste objecten zijn niet ingeschakeld.', 'Anpassade objekt är inte aktiverade.', 'Les objets personnalisés ne sont pas activés.'],
  [1027, 'no', 'The limit of custom activity types is reached.', 'Het maximum aantal aangepaste activiteitstypen is bereikt.', 'Gränsen för anpassade aktivitetstyper är nådd.', "La limite de types d'activité personnalisés est atteinte."],
  [1028, 'no', 'The limit of fields is reached.', 'Het maximum aantal velden is bereikt.', 'Gränsen för antal fält är nådd.', 'La limite de champs est atteinte.'],
  [1029, 'yes', 'Too many jobs queued, or the daily export quota is used up.', 'Te veel taken in de wachtrij, of het dagelijkse exportquotum is op.', 'För många jobb i kö, eller den dagliga exportkvoten är slut.', "Trop de tâches en file d'attente, ou quota d'export quotidien épuisé."],
  [1035, 'no', 'This filter type is not supported.', 'Dit filtertype wordt niet ondersteund.', 'Filtertypen stöds inte.', "Ce type de filtre n'est pas pris en charge."],
  [1036, 'no', 'The input holds the same object twice.', 'De invoer bevat hetzelfde object twee keer.', 'Indata innehåller samma objekt två gånger.', "L'entrée contient deux fois le même objet."],
  [1037, 'no', 'The lead was skipped.', 'De lead is overgeslagen.', 'Leadet hoppades över.', 'Le lead a été ignoré.'],
  [1042, 'no', 'The runAt date is invalid.', 'De runAt-datum is ongeldig.', 'runAt-datumet är ogiltigt.', 'La date runAt est invalide.'],
  [1048, 'no', 'Discarding the custom object draft failed.', 'Het concept van het aangepaste object kon niet worden verwijderd.', 'Utkastet till det anpassade objektet kunde inte kasseras.', "Le brouillon de l'objet personnalisé n'a pas pu être supprimé."],
  [1049, 'no', 'The activity could not be created.', 'De activiteit kon niet worden aangemaakt.', 'Aktiviteten kunde inte skapas.', "L'activité n'a pas pu être créée."],
  [1076, 'no', 'This merge with mergeInCRM is a duplicate.', 'Deze samenvoeging met mergeInCRM is een duplicaat.', 'Sammanslagningen med mergeInCRM är en dubblett.', 'Cette fusion avec mergeInCRM est un doublon.'],
];

function toInfo([code, retry, en, nl, sv, fr]: Row): MarketoErrorInfo {
  return {
    code,
    level: code >= 1000 ? 'record' : 'response',
    retry,
    retryable: retry !== 'no',
    meaning: { en, nl, sv, fr },
  };
}

export const MARKETO_ERRORS: ReadonlyMap<number, MarketoErrorInfo> = new Map(ROWS.map((row) => [row[0], toInfo(row)]));

/** The catalog entry for a code (number or digits), or undefined for a code Marketo does not document. */
export function marketoError(code: number | string | undefined | null): MarketoErrorInfo | undefined {
  if (code === undefined || code === null) return undefined;
  const n = typeof code === 'number' ? code : /^\d{1,5}$/.test(code) ? Number(code) : NaN;
  return MARKETO_ERRORS.get(n);
}

/** Marketo's "daily quota reached": whatever event reports it means the quota's 100 % threshold. */
export const QUOTA_REACHED_ERROR = 607;
