import { render } from 'preact';
import '../../assets/theme.css';
import './options.css';
import { OptionsPage } from './OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
