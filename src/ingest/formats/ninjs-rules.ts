/**
 * What makes a ninjs object invalid, after the IPTC schemas 1.0–3.1 (read in `wire-samples/ninjs-schema/`), as one
 * rule set across versions: a property means the same in every version that has it, and 3.x's camelCase names are
 * the 1.x/2.x names respelled.
 *
 * Strict: types of ninjs properties, closed structures (rights, advices, dates, digital source type, GeoJSON),
 * urgency 1–9, required identifiers, and ninjs names used wrongly (misplaced, misspelled, malformed
 * headline_/description_/body_ extensions). Tolerant: properties outside ninjs altogether are vendor extensions
 * (Superdesk's guid/priority/service, BBC's id, TT's extension profile) and are ignored; an item that carries any
 * is in a vendor dialect, which may also extend ninjs's vocabularies (type, pubstatus, representationtype).
 */

type Json = Record<string, unknown>;

/** Every top-level property in any released or draft ninjs schema. */
const ninjsProperties = new Set([
  'uri', 'type', 'mimetype', 'representationtype', 'representationType', 'profile', 'version',
  'firstcreated', 'firstCreated', 'versioncreated', 'versionCreated', 'contentcreated', 'contentCreated',
  'embargoed', 'embargoedUntil', 'pubstatus', 'pubStatus', 'urgency', 'copyrightholder', 'copyrightHolder',
  'copyrightnotice', 'copyrightNotice', 'usageterms', 'usageTerms', 'ednote', 'edNote', 'language',
  'person', 'people', 'organisation', 'organisations', 'place', 'places', 'subject', 'subjects', 'event', 'events',
  'eventDetails', 'plannedCoverage', 'object', 'objects', 'infosource', 'infosources', 'infoSources', 'title',
  'byline', 'by', 'headline', 'headlines', 'descriptions', 'bodies', 'slugline', 'located', 'charcount', 'wordcount',
  'renditions', 'associations', 'altids', 'altIds', 'trustindicator', 'trustindicators', 'trustIndicators',
  '$standard', 'standard', 'genre', 'genres', 'advices', 'expires', 'rightsinfo', 'rightsInfo',
  'digitalsourcetype', 'digitalSourceType',
]);

/** ninjs names that belong inside another property. */
const misplaced: Record<string, string> = {
  linkedrights: 'rightsinfo', encodedrights: 'rightsinfo', langid: 'rightsinfo',
  linkedRights: 'rightsInfo', encodedRights: 'rightsInfo', langId: 'rightsInfo',
};

const stringProperties = [
  'uri', 'type', 'mimetype', 'representationtype', 'representationType', 'profile', 'version', 'firstcreated',
  'firstCreated', 'versioncreated', 'versionCreated', 'contentcreated', 'contentCreated', 'embargoed',
  'embargoedUntil', 'pubstatus', 'pubStatus', 'copyrightholder', 'copyrightHolder', 'copyrightnotice',
  'copyrightNotice', 'usageterms', 'usageTerms', 'ednote', 'edNote', 'language', 'title', 'byline', 'by', 'headline',
  'slugline', 'located', 'expires',
];

/** Properties that are lists of small described objects (name, rel, uri, code, …, all strings). */
const objectLists = [
  'person', 'people', 'organisation', 'organisations', 'place', 'places', 'subject', 'subjects', 'event', 'events',
  'object', 'objects', 'infosource', 'infosources', 'infoSources', 'genre', 'genres', 'headlines', 'descriptions',
  'bodies', 'trustindicator', 'trustindicators', 'trustIndicators', 'advices', 'plannedCoverage',
];

const describingStrings = ['name', 'rel', 'scheme', 'code', 'uri', 'literal', 'role', 'value', 'contenttype', 'contentType', 'href', 'title', 'lang'];

const enums: Record<string, readonly string[]> = {
  type: ['text', 'audio', 'video', 'picture', 'graphic', 'composite', 'component', 'event', 'planning'],
  representationtype: ['complete', 'incomplete', 'full', 'partial'],
  representationType: ['complete', 'incomplete', 'full', 'partial'],
  pubstatus: ['usable', 'withheld', 'canceled'],
  pubStatus: ['usable', 'withheld', 'canceled'],
};

const geoJsonTypes = new Set([
  'Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection', 'Feature',
  'FeatureCollection',
]);

/** xs:gYear, gYearMonth, date or dateTime (ninjs 3.x truncatedDateTimeType). */
const truncatedDate =
  /^(-?(?:[1-9][0-9]*)?[0-9]{4})(-(1[0-2]|0[1-9])(-(3[01]|0[1-9]|[12][0-9])(T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z|[+-](?:2[0-3]|[01][0-9]):[0-5][0-9])?)?)?)?$/;

/**
 * A vendor dialect: the object carries properties that are not ninjs and not a misspelling or misplacement of
 * ninjs names (those are errors in plain ninjs).
 */
export function isDialect(o: Json): boolean {
  return Object.keys(o).some(
    (key) => !isNinjsKey(key) && !(key in misplaced) && !/^(headline|description|body)[^a-zA-Z0-9]/.test(key) && nearMiss(key) === null,
  );
}

/**
 * The first problem with a ninjs object, as "item …" text, or null when it is valid. Associations inherit their
 * item's dialect: a vendor's associations speak the vendor's ninjs too.
 */
export function ninjsProblem(o: unknown, path = 'item', inDialect = false): string | null {
  if (!isObject(o)) return `${path} is not a JSON object`;
  const dialect = inDialect || isDialect(o);

  if (!dialect) {
    for (const key of Object.keys(o)) {
      if (isNinjsKey(key)) continue;
      const home = misplaced[key];
      if (home) return `${path} has ${key} at the top level; it belongs inside ${home}`;
      if (/^(headline|description|body)[^a-zA-Z0-9]/.test(key)) {
        const family = /^(headline|description|body)/.exec(key)?.[1] ?? '';
        return `${path} has the property "${key}", which is not a valid ${family}_ extension (${family}_ then letters, digits or _)`;
      }
      const meant = nearMiss(key);
      if (meant) return `${path} has the property "${key}"; ninjs calls it "${meant}"`;
    }
  }

  for (const key of stringProperties) {
    if (o[key] !== undefined && typeof o[key] !== 'string') return `${path} ${key} must be a string, not ${describe(o[key])}`;
  }
  for (const key of Object.keys(o)) {
    if (/^(headline|description|body)_/.test(key) && typeof o[key] !== 'string') {
      return `${path} ${key} must be a string, not ${describe(o[key])}`;
    }
  }
  if (!dialect) {
    for (const [key, allowed] of Object.entries(enums)) {
      const value = o[key];
      if (typeof value === 'string' && !allowed.includes(value)) {
        return `${path} ${key} "${value}" is not one of ${allowed.join(', ')}`;
      }
    }
  }
  if (o.urgency !== undefined) {
    const problem = urgencyProblem(o.urgency);
    if (problem) return `${path} urgency ${problem}`;
  }
  for (const key of ['charcount', 'wordcount']) {
    if (o[key] !== undefined && typeof o[key] !== 'number') return `${path} ${key} must be a number`;
  }

  for (const key of objectLists) {
    const value = o[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) return `${path} ${key} must be an array of objects, not ${describe(value)}`;
    for (let i = 0; i < value.length; i++) {
      const entry: unknown = value[i];
      const where = `${path} ${key}[${i}]`;
      if (!isObject(entry)) return `${where} must be an object, not ${describe(entry)}`;
      for (const field of describingStrings) {
        if (entry[field] !== undefined && typeof entry[field] !== 'string') {
          return `${where}.${field} must be a string, not ${describe(entry[field])}`;
        }
      }
      for (const geo of ['geojson', 'geoJSON', 'geometry_geojson']) {
        if (entry[geo] !== undefined) {
          const problem = geoJsonProblem(entry[geo]);
          if (problem) return `${where}.${geo} ${problem}`;
        }
      }
      if (key === 'advices') {
        const problem = adviceProblem(entry);
        if (problem) return `${where} ${problem}`;
      }
      if (key === 'plannedCoverage') {
        if (entry.urgency !== undefined) {
          const problem = urgencyProblem(entry.urgency);
          if (problem) return `${where}.urgency ${problem}`;
        }
        if (isObject(entry.dates)) {
          const problem = datesProblem(entry.dates);
          if (problem) return `${where}.dates ${problem}`;
        }
      }
    }
  }

  for (const key of ['altids', 'altIds']) {
    const value = o[key];
    if (value !== undefined && !isObject(value) && !Array.isArray(value)) {
      return `${path} ${key} must be an object or an array, not ${describe(value)}`;
    }
  }
  for (const key of ['digitalsourcetype', 'digitalSourceType']) {
    const value = o[key];
    if (value === undefined) continue;
    if (!isObject(value)) return `${path} ${key} must be an object (name, uri, literal), not ${describe(value)}`;
    for (const [field, v] of Object.entries(value)) {
      if (!['name', 'uri', 'literal'].includes(field)) return `${path} ${key} has an unknown property "${field}"`;
      if (typeof v !== 'string') return `${path} ${key}.${field} must be a string`;
    }
  }
  for (const key of ['rightsinfo', 'rightsInfo']) {
    if (o[key] !== undefined) {
      const problem = rightsProblem(o[key]);
      if (problem) return `${path} ${key} ${problem}`;
    }
  }
  if (o.eventDetails !== undefined) {
    if (!isObject(o.eventDetails)) return `${path} eventDetails must be an object`;
    if (o.eventDetails.dates !== undefined) {
      if (!isObject(o.eventDetails.dates)) return `${path} eventDetails.dates must be an object`;
      const problem = datesProblem(o.eventDetails.dates);
      if (problem) return `${path} eventDetails.dates ${problem}`;
    }
  }
  const renditions = o.renditions;
  if (renditions !== undefined) {
    const list = Array.isArray(renditions) ? renditions : isObject(renditions) ? Object.values(renditions) : null;
    if (!list) return `${path} renditions must be an array or an object, not ${describe(renditions)}`;
    for (let i = 0; i < list.length; i++) {
      const r: unknown = list[i];
      if (!isObject(r)) return `${path} renditions[${i}] must be an object`;
      if (r.href !== undefined && typeof r.href !== 'string') return `${path} renditions[${i}].href must be a string`;
    }
  }

  const associations = o.associations;
  if (associations !== undefined) {
    if (Array.isArray(associations)) {
      for (let i = 0; i < associations.length; i++) {
        const a: unknown = associations[i];
        const where = `${path} associations[${i}]`;
        if (!dialect && isObject(a) && a.uri === undefined && a.guid === undefined) return `${where} has no uri`;
        const problem = ninjsProblem(a, where, dialect);
        if (problem) return problem;
      }
    } else if (isObject(associations)) {
      for (const [name, a] of Object.entries(associations)) {
        if (a === null) continue; // Superdesk writes empty association slots as null
        const problem = ninjsProblem(a, `${path} associations.${name}`, dialect);
        if (problem) return problem;
      }
    } else {
      return `${path} associations must be an array or an object, not ${describe(associations)}`;
    }
  }
  return null;
}

function isNinjsKey(key: string): boolean {
  return ninjsProperties.has(key) || /^(headline|description|body)_[a-zA-Z0-9_]/.test(key);
}

const normalisedNames = new Map([...ninjsProperties].map((name) => [normalise(name), name]));

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9$]/g, '');
}

/** The ninjs property a key misspells (case, separators, singular/plural), or null. */
function nearMiss(key: string): string | null {
  const n = normalise(key);
  return normalisedNames.get(n) ?? normalisedNames.get(`${n}s`) ?? (n.endsWith('s') ? normalisedNames.get(n.slice(0, -1)) : undefined) ?? null;
}

function urgencyProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 9) {
    return `must be an integer from 1 to 9, not ${JSON.stringify(value)}`;
  }
  return null;
}

function rightsProblem(value: unknown): string | null {
  if (!isObject(value)) return `must be an object, not ${describe(value)}`;
  const linked = value.linkedrights ?? value.linkedRights;
  const encoded = value.encodedrights ?? value.encodedRights;
  for (const [field, v] of Object.entries(value)) {
    if (typeof v !== 'string') return `${field} must be a string, not ${describe(v)}`;
  }
  if (linked !== undefined && encoded !== undefined) return 'must have either linked or encoded rights, not both';
  if (linked === undefined && encoded === undefined) return 'must have linked or encoded rights';
  return null;
}

function adviceProblem(advice: Json): string | null {
  if (advice.role !== undefined && advice.role !== 'publish') return `role must be "publish"`;
  for (const key of ['importance', 'lifetime']) {
    const v = advice[key];
    if (v === undefined) continue;
    if (!isObject(v)) return `${key} must be an object (code, scheme), not ${describe(v)}`;
    for (const [field, value] of Object.entries(v)) {
      if (field !== 'code' && field !== 'scheme') return `${key} may only have code and scheme, not "${field}"`;
      if (typeof value !== 'string') return `${key}.${field} must be a string`;
    }
  }
  return null;
}

function datesProblem(dates: Json): string | null {
  for (const key of ['expectedStartDate', 'expectedEndDate']) {
    const v = dates[key];
    if (v !== undefined && (typeof v !== 'string' || !truncatedDate.test(v))) {
      return `${key} ${JSON.stringify(v)} is not a date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time)`;
    }
  }
  for (const key of ['startDate', 'endDate']) {
    if (dates[key] !== undefined && typeof dates[key] !== 'string') return `${key} must be a string`;
  }
  if (dates.startDate !== undefined && dates.expectedStartDate !== undefined) {
    return 'has both startDate and expectedStartDate; only one may be given';
  }
  if (dates.endDate !== undefined && dates.expectedEndDate !== undefined) {
    return 'has both endDate and expectedEndDate; only one may be given';
  }
  return null;
}

function geoJsonProblem(value: unknown): string | null {
  if (!isObject(value)) return `must be a GeoJSON object, not ${describe(value)}`;
  const type = value.type;
  if (typeof type !== 'string' || !geoJsonTypes.has(type)) return `has no valid GeoJSON type (found ${JSON.stringify(type)})`;
  if (type === 'Feature') return value.geometry === null ? null : geoJsonProblem(value.geometry);
  if (type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) return 'FeatureCollection has no features array';
    for (const f of value.features) {
      const problem = geoJsonProblem(f);
      if (problem) return problem;
    }
    return null;
  }
  if (type === 'GeometryCollection') {
    if (!Array.isArray(value.geometries)) return 'GeometryCollection has no geometries array';
    for (const g of value.geometries) {
      const problem = geoJsonProblem(g);
      if (problem) return problem;
    }
    return null;
  }
  if (!numericArrays(value.coordinates)) return `${type} coordinates must be (nested) arrays of numbers`;
  return null;
}

function numericArrays(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  if (value.every((v) => typeof v === 'number')) return true;
  return value.every((v) => numericArrays(v));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
