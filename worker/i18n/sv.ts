import type { MessageKey } from './en';

export const sv: Record<MessageKey, string> = {
  invalid_body: 'Begärans innehåll är inte giltigt.',
  invalid_query: 'Frågeparametrarna är inte giltiga.',
  invalid_param: 'Adressen är inte giltig.',
  invalid_header: 'En rubrik i begäran är inte giltig.',
  invalid_json: 'Innehållet är inte giltig JSON.',
  key_missing: 'En nyckel krävs: skicka Authorization: Bearer <nyckel>.',
  key_unknown: 'Nyckeln är okänd eller har återkallats.',
  root_not_tenant_key: 'Root-token hanterar klienter och nycklar; använd en klientnyckel här.',
  role_needed: 'Detta kräver en nyckel med rollen {role}; den här nyckeln har rollen {has}.',
  root_only: 'Endast root-token får göra detta.',
  own_tenant_only: 'En nyckel får bara hantera sin egen klients nycklar.',
  route_unknown: 'Det finns inget på {method} {path}.',
  tenant_unknown: 'Klienten {id} finns inte; skapa den först.',
  key_id_unknown: 'Klienten har ingen sådan nyckel.',
  email_address_none: 'Klienten har ingen e-postadress än; POST /v1/email-address skapar en.',
  email_domain_unset: 'E-post är inte konfigurerat på den här workern: variabeln EMAIL_DOMAIN är tom.',
  io_events_none: 'Klienten tar inte emot Marketos händelseströmmar; POST /v1/io-events ställer in dem.',
  io_url_unknown: 'Det finns ingen mottagare för händelseströmmar på den här adressen.',
  io_signature: 'Leveransen är inte signerad av Adobe I/O Events, eller ingen signatur stämmer.',
  io_recipient: 'Leveransen är avsedd för ett annat klient-ID.',
  io_envelope: 'Innehållet är ingen leverans från Adobe I/O Events.',
  io_keys_unavailable: 'Nyckelservern för Adobe I/O Events svarade inte i tid; försök igen senare.',
  io_challenge: 'Challenge måste ha 1 till 500 tecken.',
  too_large: 'Innehållet får vara högst {bytes} byte.',
  media_type: 'Skicka innehållet som {types}.',
  idempotency_batch:
    'Rubriken Idempotency-Key gäller en enda händelse; ge varje händelse i en batch ett eget id.',
  idempotency_differs: 'Rubriken Idempotency-Key och händelsens id skiljer sig åt.',
  differs_from_header: 'skiljer sig från rubriken Idempotency-Key',
  form_conflict: 'Formulärfälten beskriver inte ett enda objekt.',
  form_field_conflict: 'krockar med ett annat fält med samma namn',
  cursor_invalid: 'Markören är inte giltig; börja om utan den.',
  cursor_field: 'ogiltig markör',
  ticket_missing: 'En strömbiljett krävs: gör först POST /v1/stream/ticket.',
  ticket_invalid: 'Strömbiljetten är inte giltig.',
  upgrade_needed: 'Den här adressen väntar sig en WebSocket-uppgradering.',
  enroll_only:
    'En registreringsnyckel kan bara registrera personer (POST /v1/enroll); ' +
    'använd en läs- eller administratörsnyckel här.',
  enrol_cap:
    'Den här registreringsnyckeln har registrerat {limit} personer i dag, gränsen per dag; ' +
    'försök igen i morgon eller be om en annan nyckel.',
  member_exists:
    'Det finns redan en medlem med det namnet. Registrera dig med ditt eget ' +
    'namn eller be en administratör om en andra nyckel för den medlemmen.',
  notification_unknown: 'Klienten har ingen sådan avisering.',
  snooze_past: 'Snoozningen måste sluta i framtiden.',
  snooze_too_long: 'En snoozning får vara högst 7 dagar.',
  snooze_read: 'Bara en oläst avisering kan snoozas; den här är läst eller löst.',
  refused: 'Begäran avvisades.',
  host_not_allowed: 'Workern får inte anropa den här värden; MARKETO_HOSTS tillåter {patterns}.',
  https_required: 'måste använda https (http bara för en loopback-värd som MARKETO_HOSTS anger)',
  rest_url_invalid:
    'måste vara REST-slutpunkten från Admin > Web Services, t.ex. https://123-ABC-456.mktorest.com',
  field_required: 'är obligatoriskt',
  connector_incomplete: 'Den första anslutningen behöver restUrl, clientId och clientSecret.',
  connector_key_missing:
    'Workern har ingen CONNECTOR_KEY-hemlighet för att kryptera klienthemligheten; ' +
    'ange den med wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'En restUrl på en annan värd behöver clientSecret igen: ' +
    'den sparade hemligheten skickas bara till värden den angavs för.',
  connector_unknown: 'Ingen Marketo-anslutning är inställd för den här klienten.',
  internal: 'Något gick fel på servern; försök igen senare.',
  form_too_many_fields: 'Ett formulär får ha högst {max} fält.',
  form_name_too_deep: 'Ett fältnamn i ett formulär får ha högst {max} punktseparerade delar.',
  method_not_allowed: '{path} tar inte emot {method}; den tar emot {allow}.',
  rate_limited: 'För många begäranden med den här nyckeln; försök igen om {seconds} s.',
  root_attempts:
    'För många misslyckade försök med root-token från den här adressen; försök igen om {seconds} s.',
  root_disabled:
    'Root-åtkomst är avstängd: hemligheten ROOT_TOKEN är kortare än 32 tecken eller exempelvärdet.',
  streams_per_key: 'Den här nyckeln har redan {max} öppna strömmar; stäng en först.',
  streams_per_tenant: 'Den här klienten har redan {max} öppna strömmar; stäng en först.',
  streams_per_enrolment:
    'Nycklarna som registrerats med samma registreringsnyckel ' +
    'har redan {max} öppna strömmar tillsammans; stäng en först.',
  tickets_per_key:
    'Den här nyckeln har redan {max} oanvända strömbiljetter; använd en eller vänta tills de går ut.',
  tickets_per_tenant: 'Den här klienten har redan {max} oanvända strömbiljetter; försök igen om en minut.',
  waits_per_key:
    'Den här nyckeln har redan {max} begäranden som väntar på en ändring; vänta tills en är klar.',
  channel_unknown: 'Den här klienten har ingen sådan kanal.',
  too_many_channels: 'En klient kan ha högst {max} kanaler; ta bort en först.',
  channel_url_host:
    'måste vara en adress hos hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)',
  channel_url_public:
    'måste vara https på port 443 till ett offentligt DNS-namn, utan användarnamn eller lösenord',
  channel_url_invalid: 'är ingen giltig https-URL',
  channel_field_kind: 'används inte av den här typen av kanal',
  channel_not_webhook: 'Bara webhook-kanaler har en signeringshemlighet.',
  channel_key_missing:
    'Workern saknar hemligheten CONNECTOR_KEY för att försegla kanaladresser; ' +
    'ange den med wrangler secret put CONNECTOR_KEY.',
};
