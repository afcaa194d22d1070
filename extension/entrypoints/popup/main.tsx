import '../../assets/theme.css';
import './popup.css';

import { render } from 'preact';

import { App } from '../../lib/popup/App';
import { prefetchFirstPage } from '../../lib/popup/first-page';
import {
  connectionsItem,
  feedStatusItem,
  languageItem,
  popupTabItem,
  statesItem,
  typePrefsItem,
} from '../../lib/state/storage';
import { primeStorageItems, primeTranslator } from '../../lib/ui/hooks';
import { Translated } from '../../lib/ui/Translated';

const firstPage = prefetchFirstPage().catch(() => undefined);

// The first frame already has what it shows (connection, filter, counts, the language's texts):
// read at once, side by side, not one component after the other; and the page kept from the last open.
void Promise.all([
  primeStorageItems([connectionsItem, statesItem, feedStatusItem, typePrefsItem, languageItem, popupTabItem]),
  primeTranslator(),
  firstPage,
])
  .catch(() => undefined)
  .then(() => render(<Translated>{(tr) => <App tr={tr} />}</Translated>, document.getElementById('app')!));
