import { render } from 'preact';
import '../../assets/theme.css';
import './options.css';
import { Translated } from '../../lib/ui/Translated';
import { OptionsPage } from '../../lib/options/OptionsPage';

render(<Translated>{(tr) => <OptionsPage tr={tr} />}</Translated>, document.getElementById('app')!);
