export default function Player() {
  return <view />;
}
