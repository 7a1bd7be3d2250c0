import { render } from 'solid-js/web';
import '../shared/theme/base.css';
import './family.css';
import { locale } from '../shared/i18n/i18n.ts';
import FamilyPage from './FamilyPage.tsx';

document.documentElement.lang = locale();
render(() => <FamilyPage />, document.getElementById('root')!);
