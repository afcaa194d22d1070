import type { MessageKey } from './en';

export const fr: Record<MessageKey, string> = {
  invalid_body: "Le corps de la requête n'est pas valide.",
  invalid_query: 'Les paramètres de la requête ne sont pas valides.',
  invalid_param: "L'adresse n'est pas valide.",
  invalid_header: "Un en-tête de la requête n'est pas valide.",
  invalid_json: "Le corps n'est pas du JSON valide.",
  key_missing: 'Une clé est requise : envoyez Authorization: Bearer <clé>.',
  key_unknown: 'La clé est inconnue ou a été révoquée.',
  root_not_tenant_key: 'Le jeton root gère les locataires et les clés ; utilisez ici une clé de locataire.',
  role_needed: 'Il faut une clé avec le rôle {role} ; cette clé a le rôle {has}.',
  root_only: 'Seul le jeton root peut faire cela.',
  own_tenant_only: 'Une clé ne peut gérer que les clés de son propre locataire.',
  route_unknown: "Il n'y a rien à {method} {path}.",
  tenant_unknown: "Le locataire {id} n'existe pas ; créez-le d'abord.",
  key_id_unknown: "Ce locataire n'a pas de telle clé.",
  email_address_none: "Ce locataire n'a pas encore d'adresse e-mail ; POST /v1/email-address en crée une.",
  email_domain_unset: "L'e-mail n'est pas configuré sur ce worker : sa variable EMAIL_DOMAIN est vide.",
  io_events_none:
    "Ce locataire ne reçoit pas les flux d'événements de Marketo ; POST /v1/io-events les configure.",
  io_url_unknown: "Il n'y a aucun récepteur de flux d'événements à cette adresse.",
  io_signature: "La livraison n'est pas signée par Adobe I/O Events, ou aucune signature ne correspond.",
  io_recipient: 'La livraison est destinée à un autre ID client.',
  io_envelope: "Le corps n'est pas une livraison Adobe I/O Events.",
  io_keys_unavailable: "Le serveur de clés d'Adobe I/O Events n'a pas répondu à temps ; réessayez plus tard.",
  io_challenge: 'Le challenge doit comporter de 1 à 500 caractères.',
  too_large: 'Le corps ne peut pas dépasser {bytes} octets.',
  media_type: 'Envoyez le corps en {types}.',
  idempotency_batch:
    "L'en-tête Idempotency-Key vaut pour un seul événement ; donnez à chaque événement d'un lot son propre id.",
  idempotency_differs: "L'en-tête Idempotency-Key et l'id de l'événement diffèrent.",
  differs_from_header: "diffère de l'en-tête Idempotency-Key",
  form_conflict: 'Les champs du formulaire ne décrivent pas un seul objet.',
  form_field_conflict: 'entre en conflit avec un autre champ du même nom',
  cursor_invalid: "Le curseur n'est pas valide ; recommencez sans curseur.",
  cursor_field: 'curseur non valide',
  ticket_missing: "Un ticket de flux est requis : faites d'abord POST /v1/stream/ticket.",
  ticket_invalid: "Le ticket de flux n'est pas valide.",
  upgrade_needed: 'Cette adresse attend une mise à niveau WebSocket.',
  enroll_only:
    "Une clé d'inscription sert uniquement à inscrire des personnes (POST /v1/enroll) ; " +
    "utilisez ici une clé de lecture ou d'administration.",
  enrol_cap:
    "Cette clé d'inscription a inscrit {limit} personnes aujourd'hui, sa limite quotidienne ; " +
    'réessayez demain ou demandez une autre clé.',
  member_exists:
    'Un membre de ce nom existe déjà. Inscrivez-vous sous votre propre ' +
    'nom, ou demandez à un administrateur une deuxième clé pour ce membre.',
  notification_unknown: "Ce locataire n'a aucune notification avec cet identifiant.",
  snooze_past: 'La mise en veille doit se terminer dans le futur.',
  snooze_too_long: 'Une mise en veille dure au plus 7 jours.',
  snooze_read: 'Seule une notification non lue peut être mise en veille ; celle-ci est lue ou résolue.',
  refused: 'La requête a été refusée.',
  host_not_allowed: 'Le worker ne peut pas appeler cet hôte ; MARKETO_HOSTS autorise {patterns}.',
  https_required: 'doit utiliser https (http seulement pour un hôte loopback listé dans MARKETO_HOSTS)',
  rest_url_invalid:
    "doit être le point de terminaison REST d'Admin > Web Services, par exemple https://123-ABC-456.mktorest.com",
  field_required: 'est obligatoire',
  connector_incomplete: 'La première connexion demande restUrl, clientId et clientSecret.',
  connector_key_missing:
    "Le worker n'a pas de secret CONNECTOR_KEY pour chiffrer le secret client ; " +
    'définissez-le avec wrangler secret put CONNECTOR_KEY.',
  secret_required:
    'Une restUrl sur un autre hôte demande de nouveau le clientSecret : ' +
    "le secret enregistré ne part que vers l'hôte pour lequel il a été saisi.",
  connector_unknown: "Aucune connexion Marketo n'est définie pour ce locataire.",
  internal: "Une erreur s'est produite sur le serveur ; réessayez plus tard.",
  form_too_many_fields: 'Un formulaire peut avoir au plus {max} champs.',
  form_name_too_deep:
    'Un nom de champ de formulaire peut avoir au plus {max} parties séparées par des points.',
  method_not_allowed: "{path} n'accepte pas {method} ; il accepte {allow}.",
  rate_limited: 'Trop de requêtes avec cette clé ; réessayez dans {seconds} s.',
  root_attempts:
    'Trop de tentatives échouées avec le jeton root depuis cette adresse ; réessayez dans {seconds} s.',
  root_disabled:
    "L'accès root est désactivé : le secret ROOT_TOKEN fait moins de 32 caractères ou reprend la valeur d'exemple.",
  streams_per_key: "Cette clé a déjà {max} flux ouverts ; fermez-en un d'abord.",
  streams_per_tenant: "Ce locataire a déjà {max} flux ouverts ; fermez-en un d'abord.",
  streams_per_enrolment:
    "Les clés inscrites avec la même clé d'inscription ont déjà {max} flux ouverts au total ; fermez-en un d'abord.",
  tickets_per_key:
    "Cette clé a déjà {max} tickets de flux inutilisés ; utilisez-en un ou attendez qu'ils expirent.",
  tickets_per_tenant: 'Ce locataire a déjà {max} tickets de flux inutilisés ; réessayez dans une minute.',
  waits_per_key:
    "Cette clé a déjà {max} requêtes en attente d'un changement ; attendez que l'une d'elles se termine.",
  channel_unknown: 'Ce locataire n’a pas ce canal.',
  too_many_channels: 'Un locataire peut avoir au plus {max} canaux ; supprimez-en un d’abord.',
  channel_url_host:
    'doit être une adresse de hooks.slack.com (Slack), *.powerplatform.com / *.logic.azure.com (Teams)',
  channel_url_public:
    'doit être en https sur le port 443 d’un nom DNS public, sans nom d’utilisateur ni mot de passe',
  channel_url_invalid: 'n’est pas une URL https valide',
  channel_field_kind: 'n’est pas utilisé par ce type de canal',
  channel_not_webhook: 'Seuls les canaux webhook ont un secret de signature.',
  channel_key_missing:
    'Le worker n’a pas de secret CONNECTOR_KEY pour sceller les adresses des canaux ; ' +
    'définissez-le avec wrangler secret put CONNECTOR_KEY.',
};
