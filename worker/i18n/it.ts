import type { MessageKey } from './en';

export const it: Record<MessageKey, string> = {
  invalid_body: 'Il corpo della richiesta non è valido.',
  invalid_query: 'I parametri della query non sono validi.',
  invalid_param: 'L’indirizzo non è valido.',
  invalid_header: 'Un’intestazione della richiesta non è valida.',
  invalid_json: 'Il corpo non è un JSON valido.',
  key_missing: 'È necessaria una chiave: invia Authorization: Bearer <chiave>.',
  key_unknown: 'La chiave è sconosciuta o è stata revocata.',
  root_not_tenant_key: 'Il token root gestisce tenant e chiavi; qui usa una chiave del tenant.',
  role_needed: 'Serve una chiave con il ruolo {role}; questa chiave ha il ruolo {has}.',
  root_only: 'Solo il token root può farlo.',
  own_tenant_only: 'Una chiave può gestire solo le chiavi del proprio tenant.',
  route_unknown: 'Non c’è nulla in {method} {path}.',
  tenant_unknown: 'Il tenant {id} non esiste; crealo prima.',
  key_id_unknown: 'Questo tenant non ha una chiave simile.',
  email_address_none: 'Questo tenant non ha ancora un indirizzo e-mail; POST /v1/email-address ne crea uno.',
  email_domain_unset: "L'e-mail non è configurata su questo worker: la variabile EMAIL_DOMAIN è vuota.",
  io_events_none: 'Questo tenant non riceve i flussi di eventi di Marketo; POST /v1/io-events li configura.',
  io_url_unknown: "A questo indirizzo non c'è alcun ricevitore di flussi di eventi.",
  io_signature: 'La consegna non è firmata da Adobe I/O Events, oppure nessuna firma corrisponde.',
  io_recipient: 'La consegna è destinata a un altro ID client.',
  io_envelope: 'Il corpo non è una consegna di Adobe I/O Events.',
  io_keys_unavailable:
    'Il server delle chiavi di Adobe I/O Events non ha risposto in tempo; riprova più tardi.',
  io_challenge: 'Il challenge deve avere da 1 a 500 caratteri.',
  too_large: 'Il corpo può essere al massimo di {bytes} byte.',
  media_type: 'Invia il corpo come {types}.',
  idempotency_batch:
    'L’intestazione Idempotency-Key vale per un solo evento; assegna a ogni evento di un lotto il proprio id.',
  idempotency_differs: 'L’intestazione Idempotency-Key e l’id dell’evento non coincidono.',
  differs_from_header: 'non coincide con l’intestazione Idempotency-Key',
  form_conflict: 'I campi del modulo non descrivono un unico oggetto.',
  form_field_conflict: 'è in conflitto con un altro campo con lo stesso nome',
  cursor_invalid: 'Il cursore non è valido; ricomincia senza.',
  cursor_field: 'cursore non valido',
  ticket_missing: 'Serve un ticket di stream: prima POST /v1/stream/ticket.',
  ticket_invalid: 'Il ticket di stream non è valido.',
  upgrade_needed: 'Questo indirizzo si aspetta una richiesta di upgrade WebSocket.',
  enroll_only:
    'Una chiave di registrazione serve solo a registrare persone (POST /v1/enroll); ' +
    'usa qui una chiave di lettura o di amministrazione.',
  enrol_cap:
    'Questa chiave di registrazione ha già registrato {limit} persone oggi, il suo limite giornaliero; ' +
    'riprova domani o chiedi un’altra chiave.',
  member_exists:
    'Esiste già un membro con questo nome. Registrati con il tuo nome ' +
    'o chiedi a un amministratore una seconda chiave per quel membro.',
  notification_unknown: 'Questo tenant non ha nessuna notifica con questo ID.',
  snooze_past: 'Il posticipo deve terminare nel futuro.',
  snooze_too_long: 'Un posticipo dura al massimo 7 giorni.',
  snooze_read: 'Si può posticipare solo una notifica non letta; questa è letta o risolta.',
  refused: 'La richiesta è stata rifiutata.',
  host_not_allowed: 'Il worker non può chiamare questo host; MARKETO_HOSTS consente {patterns}.',
  https_required: 'deve usare https (http solo per un host di loopback indicato in MARKETO_HOSTS)',
  rest_url_invalid:
    'deve essere l’endpoint REST di Admin > Web Services, ad esempio https://123-ABC-456.mktorest.com',
  field_required: 'è obbligatorio',
  connector_incomplete: 'La prima connessione richiede restUrl, clientId e clientSecret.',
  connector_key_missing:
    'Il worker non ha il segreto CONNECTOR_KEY per cifrare il segreto client; ' +
    'impostalo con wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'Una restUrl su un altro host richiede di nuovo il clientSecret: ' +
    "il segreto salvato va solo all'host per cui è stato inserito.",
  connector_unknown: 'Per questo tenant non è impostata alcuna connessione a Marketo.',
  internal: 'Qualcosa è andato storto sul server; riprova più tardi.',
  form_too_many_fields: 'Un modulo può avere al massimo {max} campi.',
  form_name_too_deep: 'Il nome di un campo del modulo può avere al massimo {max} parti separate da punti.',
  method_not_allowed: '{path} non accetta {method}; accetta {allow}.',
  rate_limited: 'Troppe richieste con questa chiave; riprova tra {seconds} s.',
  root_attempts: 'Troppi tentativi falliti con il token root da questo indirizzo; riprova tra {seconds} s.',
  root_disabled:
    "L'accesso root è disattivato: il segreto ROOT_TOKEN è più corto di 32 caratteri o è il valore di esempio.",
  streams_per_key: 'Questa chiave ha già {max} stream aperti; chiudine prima uno.',
  streams_per_tenant: 'Questo tenant ha già {max} stream aperti; chiudine prima uno.',
  streams_per_enrolment:
    'Le chiavi registrate con la stessa chiave di registrazione ' +
    'hanno già {max} stream aperti in totale; chiudine prima uno.',
  tickets_per_key: 'Questa chiave ha già {max} ticket di stream non usati; usane uno o attendi che scadano.',
  tickets_per_tenant: 'Questo tenant ha già {max} ticket di stream non usati; riprova tra un minuto.',
  waits_per_key: 'Questa chiave ha già {max} richieste in attesa di una modifica; attendi che una finisca.',
  channel_unknown: 'Questo tenant non ha questo canale.',
  too_many_channels: 'Un tenant può avere al massimo {max} canali; rimuovine prima uno.',
  channel_url_host:
    'deve essere un indirizzo di hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)',
  channel_url_public:
    'deve essere https sulla porta 443 di un nome DNS pubblico, senza nome utente né password',
  channel_url_invalid: 'non è un URL https valido',
  channel_field_kind: 'non è usato da questo tipo di canale',
  channel_not_webhook: 'Solo i canali webhook hanno un segreto di firma.',
  channel_key_missing:
    'Il worker non ha il segreto CONNECTOR_KEY per sigillare gli indirizzi dei canali; ' +
    'impostalo con wrangler secret put CONNECTOR_KEY.',
};
