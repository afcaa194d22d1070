import '../../assets/theme.css';
import './options.css';

import { render } from 'preact';

import { OptionsPage } from '../../lib/options/OptionsPage';
import { Translated } from '../../lib/ui/Translated';

render(<Translated>{(tr) => <OptionsPage tr={tr} />}</Translated>, document.getElementById('app')!);
